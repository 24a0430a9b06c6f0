/** The CRC register before any byte is fed: all ones, as zlib and nginx's ngx_crc32_init start. */
export const CRC32_INIT = 0xffffffff;

const TABLE = buildTable();

function buildTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (0xedb88320 ^ (c >>> 1)) >>> 0 : c >>> 1;
    table[n] = c;
  }
  return table;
}

// Made on first use: the judge's QuickJS isolate loads this module (through the capstone's race) but has no TextEncoder.
let encoder: TextEncoder | undefined;

/** The UTF-8 bytes of a string: what a C server hashes when it reads the same text off the wire. */
export function utf8(text: string): Uint8Array {
  encoder ??= new TextEncoder();
  return encoder.encode(text);
}

/** Feeds bytes into a running CRC-32 register (reflected IEEE 802.3 polynomial); nginx src/core/ngx_crc32.h ngx_crc32_update. */
export function crc32Update(state: number, bytes: ArrayLike<number>): number {
  let c = state >>> 0;
  for (let i = 0; i < bytes.length; i++) c = ((TABLE[(c ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8)) >>> 0;
  return c;
}

/** Turns a running register into the CRC-32 value; nginx src/core/ngx_crc32.h ngx_crc32_final. */
export function crc32Final(state: number): number {
  return (state ^ 0xffffffff) >>> 0;
}

/** Standard CRC-32 (IEEE, as zlib's crc32 and nginx's ngx_crc32_long) of some bytes, unsigned. */
export function crc32(bytes: ArrayLike<number>): number {
  return crc32Final(crc32Update(CRC32_INIT, bytes));
}

/** Standard CRC-32 (IEEE, zlib) of a string's UTF-8 bytes, unsigned. */
export function crc32String(text: string): number {
  return crc32(utf8(text));
}
