import type { Balancer, BackendView } from './types';

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * Classic interleaved weighted round robin (Linux IPVS ip_vs_wrr.c): passes over the servers with
 * a falling threshold, so weights 5,1,1 give `a a a a a b c`. Same shares as nginx, burstier order.
 */
export function createInterleavedWeightedRoundRobin(): Balancer {
  let index = -1;
  let currentWeight = 0;
  return {
    algorithm: 'interleaved-weighted-round-robin',
    pick(backends: readonly BackendView[]) {
      const weights = backends.map((backend) => backend.weight).filter((weight) => weight > 0);
      if (weights.length === 0 || !backends.some((backend) => backend.usable)) return undefined;
      const step = weights.reduce(gcd);
      const maxWeight = Math.max(...weights) - (step - 1);
      if (currentWeight > maxWeight || currentWeight <= 0) currentWeight = maxWeight;
      // Each pass visits every server plus the wrap, and lowers the threshold once; after enough
      // passes every weight qualifies, so a usable server is always reached (IPVS loops until it
      // is back where it started, which is the same bound).
      const limit = (backends.length + 1) * (Math.ceil(maxWeight / step) + 1);
      for (let visited = 0; visited <= limit; visited += 1) {
        index += 1;
        if (index >= backends.length) {
          index = -1;
          currentWeight -= step;
          if (currentWeight <= 0) currentWeight = maxWeight;
          continue;
        }
        const backend = backends[index]!;
        if (backend.weight >= currentWeight && backend.usable) return backend.id;
      }
      return undefined;
    },
  };
}
