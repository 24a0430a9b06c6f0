import { SmoothWeightedState } from './smooth-weighted';
import type { Balancer, BackendView } from './types';

/**
 * nginx least_conn (ngx_http_upstream_least_conn_module.c): the usable backend with the fewest
 * active connections per unit of weight, compared by cross-multiplying (no division, no +1).
 * Ties are broken by a smooth weighted round robin step over exactly the tied backends.
 */
export function createLeastConnections(): Balancer {
  const tieBreak = new SmoothWeightedState();
  return {
    algorithm: 'least-connections',
    pick(backends: readonly BackendView[]) {
      let tied: BackendView[] = [];
      for (const backend of backends) {
        if (!backend.usable) continue;
        const best = tied[0];
        if (!best) {
          tied = [backend];
          continue;
        }
        const mine = backend.activeConnections * best.weight;
        const theirs = best.activeConnections * backend.weight;
        if (mine < theirs) tied = [backend];
        else if (mine === theirs) tied.push(backend);
      }
      if (tied.length <= 1) return tied[0]?.id;
      return tieBreak.step(tied);
    },
  };
}
