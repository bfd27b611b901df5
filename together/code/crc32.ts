/**
 * CRC-32/BZIP2 (polynomial 0x04C11DB7, most significant bit first). Pure.
 * Most significant bit first matches the order base32 writes bits in, so a wrong character is one
 * burst of at most 5 bits in the checked stream, and a 32-bit CRC detects every burst up to 32 bits.
 */
const TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n << 24;
  for (let k = 0; k < 8; k++) c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = ((crc << 8) ^ (TABLE[((crc >>> 24) ^ byte) & 0xff] as number)) >>> 0;
  return (crc ^ 0xffffffff) >>> 0;
}
