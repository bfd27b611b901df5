/** Writing and reading numbers of any width as one stream of bits, most significant first. Pure. */

export class BitWriter {
  private readonly bits: number[] = [];

  /** Writes `value` (an integer 0 ≤ value < 2^width, width ≤ 32) in `width` bits. */
  write(value: number, width: number): void {
    if (!Number.isInteger(value) || value < 0 || value >= 2 ** width) throw new RangeError(`${value} does not fit ${width} bits`);
    for (let i = width - 1; i >= 0; i--) this.bits.push(Math.floor(value / 2 ** i) % 2);
  }

  /** A small count in as few bits as it needs: five bits of width, then the value (below 2^31). */
  writeCount(value: number): void {
    const width = value === 0 ? 0 : Math.floor(Math.log2(value)) + 1;
    this.write(width, 5);
    if (width > 0) this.write(value, width);
  }

  /** The bits so far, zero-padded to whole bytes. */
  bytes(): Uint8Array {
    const out = new Uint8Array(Math.ceil(this.bits.length / 8));
    this.bits.forEach((bit, i) => {
      if (bit) out[i >> 3] = (out[i >> 3] as number) | (0x80 >> (i & 7));
    });
    return out;
  }
}

/** Reads what a BitWriter wrote. Reading past the end gives zeros and sets `overrun`, never throws. */
export class BitReader {
  private position = 0;
  overrun = false;

  constructor(private readonly data: Uint8Array) {}

  read(width: number): number {
    let value = 0;
    for (let i = 0; i < width; i++) {
      const byte = this.data[this.position >> 3];
      if (byte === undefined) this.overrun = true;
      value = value * 2 + (byte === undefined ? 0 : (byte >> (7 - (this.position & 7))) & 1);
      this.position++;
    }
    return value;
  }

  readCount(): number {
    const width = this.read(5);
    return width === 0 ? 0 : this.read(width);
  }

  /** Whether only zero padding (less than a byte of it) is left. */
  atCleanEnd(): boolean {
    const rest = this.data.length * 8 - this.position;
    return !this.overrun && rest >= 0 && rest < 8 && this.read(rest) === 0;
  }
}
