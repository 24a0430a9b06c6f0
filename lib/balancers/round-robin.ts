import type { Balancer, BackendView } from './types';

/**
 * Plain round robin: the next usable backend in config order, weights ignored.
 * Equals nginx with every weight 1 (`a b c a b c`) and HAProxy `roundrobin` with equal weights.
 */
export function createRoundRobin(): Balancer {
  let next = 0;
  return {
    algorithm: 'round-robin',
    pick(backends: readonly BackendView[]) {
      for (let tried = 0; tried < backends.length; tried += 1) {
        const index = (next + tried) % backends.length;
        if (backends[index]!.usable) {
          next = index + 1;
          return backends[index]!.id;
        }
      }
      return undefined;
    },
  };
}
