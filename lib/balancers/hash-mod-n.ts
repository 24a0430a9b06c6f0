import { crc32String } from '@/lib/hash/crc32';
import type { Balancer, BackendId, BackendView, PickRequest } from './types';
import { hashKeyOf } from './hash-key';

/** Textbook `servers[crc32(key) mod N]` over the usable backends (lb-algorithms.md §4.3): simple, but N → N+1 moves N/(N+1) of the keys. */
export function createHashModN(): Balancer {
  let next = 0;
  return {
    algorithm: 'hash-mod-n',
    pick(backends: readonly BackendView[], request?: PickRequest): BackendId | undefined {
      const usable = backends.filter((b) => b.usable);
      if (usable.length === 0) return undefined;
      const key = hashKeyOf(request);
      // Nothing to hash: rotate through the usable backends in config order, as nginx's `hash` does for an empty key.
      if (!key) return usable[next++ % usable.length]?.id;
      return usable[crc32String(key) % usable.length]?.id;
    },
  };
}
