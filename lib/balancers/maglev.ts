import { CRC32_INIT, crc32Final, crc32String, crc32Update, utf8 } from '@/lib/hash/crc32';
import type { Balancer, BackendId, BackendView, PickRequest } from './types';
import { hashKeyOf } from './hash-key';

/** Envoy's default Maglev table size (maglev_lb.cc); prime, and ≫ 100 × the backend count the paper asks for. */
export const DEFAULT_MAGLEV_TABLE_SIZE = 65537;

/** How a Maglev table is laid out: its prime size and the two per-backend hashes h1 (offset) and h2 (skip). */
export interface MaglevOptions {
  tableSize?: number;
  offsetHash?: (id: BackendId) => number;
  skipHash?: (id: BackendId) => number;
}

// Illustrative hashes: Envoy uses xxHash64 with seeds 0 and 1. A trailing seed byte gives crc32 two independent-looking variants.
const seededCrc32 = (seed: number) => (id: BackendId) => crc32Final(crc32Update(crc32Update(CRC32_INIT, utf8(id)), [seed]));
const defaultOffsetHash = seededCrc32(0);
const defaultSkipHash = seededCrc32(1);

/** Backend i's preference list: slot j is (offset + j·skip) mod M (Eisenbud et al., Maglev, NSDI 2016 §3.4). */
export function maglevPermutation(offset: number, skip: number, tableSize: number): number[] {
  return Array.from({ length: tableSize }, (_, j) => (offset + j * skip) % tableSize);
}

/** The Maglev lookup table: backends take turns claiming their next free preferred slot (paper §3.4; weighted rounds as Envoy maglev_lb.cc). */
export function buildMaglevTable(backends: readonly Pick<BackendView, 'id' | 'weight'>[], options: MaglevOptions = {}): BackendId[] {
  const size = options.tableSize ?? DEFAULT_MAGLEV_TABLE_SIZE;
  if (!isPrime(size)) throw new RangeError(`Maglev table size must be prime (so every skip visits every slot); got ${size}`);
  if (backends.length === 0) return [];
  const offsetHash = options.offsetHash ?? defaultOffsetHash;
  const skipHash = options.skipHash ?? defaultSkipHash;
  const builders = backends.map(({ id, weight }) => ({
    id,
    weight,
    slot: offsetHash(id) % size,
    skip: (skipHash(id) % (size - 1)) + 1,
    target: 0,
  }));
  const maxWeight = Math.max(...backends.map((b) => b.weight));

  const table: (BackendId | undefined)[] = new Array<BackendId | undefined>(size).fill(undefined);
  let filled = 0;
  for (let round = 1; filled < size; round++) {
    for (const b of builders) {
      if (filled === size) break;
      // Envoy's weighted fill: a backend of weight w claims a slot in w of every maxWeight rounds; equal weights give the paper's table.
      if (round * b.weight < b.target) continue;
      b.target += maxWeight;
      while (table[b.slot] !== undefined) b.slot = (b.slot + b.skip) % size;
      table[b.slot] = b.id;
      b.slot = (b.slot + b.skip) % size;
      filled++;
    }
  }
  return table.filter((id): id is BackendId => id !== undefined);
}

/** Maglev (paper §3.4): table[crc32(key) mod M], the table built over the usable backends and rebuilt when they change. */
export function createMaglev(options: MaglevOptions = {}): Balancer {
  let signature: string | undefined;
  let table: BackendId[] = [];
  let next = 0;

  return {
    algorithm: 'maglev',
    pick(backends: readonly BackendView[], request?: PickRequest): BackendId | undefined {
      const usable = backends.filter((b) => b.usable);
      if (usable.length === 0) return undefined;
      const key = hashKeyOf(request);
      // Nothing to hash: rotate through the usable backends in config order.
      if (!key) return usable[next++ % usable.length]?.id;
      const current = usable.map((b) => `${b.id}\u0000${b.weight}`).join('\u0001');
      if (current !== signature) {
        signature = current;
        table = buildMaglevTable(usable, options);
      }
      return table[crc32String(key) % table.length];
    },
  };
}

function isPrime(n: number): boolean {
  if (!Number.isInteger(n) || n < 2) return false;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return true;
}
