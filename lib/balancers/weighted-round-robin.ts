import { SmoothWeightedState } from './smooth-weighted';
import type { Balancer, BackendView } from './types';

/**
 * nginx smooth weighted round robin (ngx_http_upstream_round_robin.c): weights 5,1,1 give
 * `a a b a c a a`, spreading the heavy server's turns instead of bunching them.
 * A skipped (unusable) backend keeps its current weight, as in nginx.
 */
export function createWeightedRoundRobin(): Balancer {
  const state = new SmoothWeightedState();
  return {
    algorithm: 'weighted-round-robin',
    pick: (backends: readonly BackendView[]) => state.step(backends.filter((backend) => backend.usable)),
  };
}
