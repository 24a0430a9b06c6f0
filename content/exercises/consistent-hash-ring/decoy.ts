import type { RingServer } from './types';

/** Plausible but wrong: when the key's server is down, it takes the next server in the list, not the next point on the ring. */
export function crc32(text: string): number {
  let c = 0xffffffff;
  for (const byte of new TextEncoderLike().encode(text)) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (0xedb88320 ^ (c >>> 1)) >>> 0 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

class TextEncoderLike {
  encode(text: string): number[] {
    const bytes: number[] = [];
    for (const char of text) {
      const code = char.codePointAt(0)!;
      if (code < 0x80) bytes.push(code);
      else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
      else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
      else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    }
    return bytes;
  }
}

function crcOf(state: number, bytes: readonly number[]): number {
  let c = state;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (0xedb88320 ^ (c >>> 1)) >>> 0 : c >>> 1;
  }
  return c >>> 0;
}

export function virtualNodeHashes(server: string, count: number): number[] {
  const colon = server.lastIndexOf(':');
  const [host, port] = colon >= 0 && /^\d*$/.test(server.slice(colon + 1)) ? [server.slice(0, colon), server.slice(colon + 1)] : [server, ''];
  const encoder = new TextEncoderLike();
  const base = crcOf(crcOf(crcOf(0xffffffff, encoder.encode(host)), [0]), encoder.encode(port));
  const hashes: number[] = [];
  let previous = [0, 0, 0, 0];
  for (let i = 0; i < count; i++) {
    const hash = (crcOf(base, previous) ^ 0xffffffff) >>> 0;
    hashes.push(hash);
    previous = [hash & 0xff, (hash >>> 8) & 0xff, (hash >>> 16) & 0xff, hash >>> 24];
  }
  return hashes;
}

export class HashRing {
  private points: { hash: number; index: number }[] = [];

  constructor(private readonly servers: readonly RingServer[]) {
    servers.forEach((server, index) => {
      for (const hash of virtualNodeHashes(server.id, server.weight * 160)) this.points.push({ hash, index });
    });
    this.points.sort((a, b) => a.hash - b.hash);
    this.points = this.points.filter((point, i, all) => i === 0 || point.hash !== all[i - 1]!.hash);
  }

  get size(): number {
    return this.points.length;
  }

  lookup(key: string, isUp: (id: string) => boolean = () => true): string | undefined {
    const hash = crc32(key);
    const found = this.points.find((point) => point.hash >= hash) ?? this.points[0]!;
    for (let step = 0; step < this.servers.length; step++) {
      const server = this.servers[(found.index + step) % this.servers.length]!;
      if (isUp(server.id)) return server.id;
    }
    return undefined;
  }
}
