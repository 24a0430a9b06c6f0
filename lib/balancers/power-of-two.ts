import { fewestActiveOfDraws } from './n-choices';
import type { Balancer, BackendView, Random } from './types';

/**
 * Power of two random choices as Envoy's least request balancer does it with equal weights
 * (least_request_lb.cc, choice_count 2): draw two usable backends uniformly WITH replacement and
 * keep the one with fewer active requests; on a tie keep the first draw.
 */
export function createPowerOfTwo(random: Random): Balancer {
  return {
    algorithm: 'power-of-two',
    pick(backends: readonly BackendView[]) {
      const usable = backends.filter((backend) => backend.usable);
      if (usable.length === 0) return undefined;
      return fewestActiveOfDraws(usable, random, 2).id;
    },
  };
}
