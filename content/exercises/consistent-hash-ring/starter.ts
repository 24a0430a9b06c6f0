import type { RingServer } from './types';

// ---- Given: nginx's hashes. You do not need to change anything above "Your code". ----

const CRC_TABLE: number[] = [];
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? (0xedb88320 ^ (c >>> 1)) >>> 0 : c >>> 1;
  CRC_TABLE.push(c);
}

/** The UTF-8 bytes of a string (what a server hashes when it reads the text off the wire). */
function utf8(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    let code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return bytes;
}

function crcUpdate(state: number, bytes: readonly number[]): number {
  let c = state;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8)) >>> 0;
  return c;
}

/** Standard CRC-32 (zlib's, nginx's ngx_crc32_long) of the text's UTF-8 bytes, as an unsigned number. */
export function crc32(text: string): number {
  return (crcUpdate(0xffffffff, utf8(text)) ^ 0xffffffff) >>> 0;
}

/**
 * Where nginx puts one server's virtual nodes on the ring (`hash $key consistent`): `count` unsigned
 * 32-bit positions. "10.0.0.1:80" is hashed as host "10.0.0.1", a zero byte, port "80"; each point
 * then chains from the previous one's hash.
 */
export function virtualNodeHashes(server: string, count: number): number[] {
  const split = server.startsWith('unix:') ? ['', server.slice(5), ''] : (/^(.*):(\d*)$/s.exec(server) ?? ['', server, '']);
  const base = crcUpdate(crcUpdate(crcUpdate(0xffffffff, utf8(split[1]!)), [0]), utf8(split[2]!));
  const hashes: number[] = [];
  let previous = [0, 0, 0, 0];
  for (let i = 0; i < count; i++) {
    const hash = (crcUpdate(base, previous) ^ 0xffffffff) >>> 0;
    hashes.push(hash);
    previous = [hash & 0xff, (hash >>> 8) & 0xff, (hash >>> 16) & 0xff, hash >>> 24];
  }
  return hashes;
}

// ---- Your code ----

/** nginx's consistent hash ring (`hash $key consistent`): 160 virtual nodes per unit of weight. */
export class HashRing {
  /** Builds the ring for these servers, in config order. */
  constructor(servers: readonly RingServer[]) {
    throw new Error('Not implemented');
  }

  /** How many points the ring holds, after dropping duplicate positions. */
  get size(): number {
    throw new Error('Not implemented');
  }

  /**
   * The server for `key`: the owner of the first point at or after crc32(key), going clockwise,
   * skipping points whose server is down. `isUp` says which servers are up (all, by default).
   */
  lookup(key: string, isUp: (id: string) => boolean = () => true): string | undefined {
    throw new Error('Not implemented');
  }
}
