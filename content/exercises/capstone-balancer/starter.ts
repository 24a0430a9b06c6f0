import type { Backend, Balancer, Random, Request } from './types';

/**
 * Your own load balancer. The race calls this once per run and then `pick` once per request.
 * Return the id of a usable backend, or undefined when none is usable (the request gets a 502).
 * Draw any randomness from `random`, not Math.random, so every race replays exactly.
 */
export function createBalancer(random: Random): Balancer {
  return {
    pick(backends: readonly Backend[], request: Request): string | undefined {
      throw new Error('Not implemented');
    },
  };
}
