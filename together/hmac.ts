/** HMAC-SHA-256 with the pair's secret, through WebCrypto (a global in extension pages, workers and Node 20). */

export async function hmacKey(secret: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', new Uint8Array(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

const encoder = new TextEncoder();

export async function hmac(key: CryptoKey, message: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(message)));
}

/** Four bytes of a MAC from `offset` as a number in [0, 1). */
export function unitFrom(mac: Uint8Array, offset: number): number {
  const view = new DataView(mac.buffer, mac.byteOffset, mac.byteLength);
  return view.getUint32(offset) / 2 ** 32;
}

/** Byte-wise order of two MACs. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
