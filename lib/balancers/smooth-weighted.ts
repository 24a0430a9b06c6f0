import type { BackendId, BackendView } from './types';

/**
 * nginx's smooth weighted round robin step (ngx_http_upstream_round_robin.c, ngx_http_upstream_get_peer):
 * every candidate's current weight grows by its weight, the largest wins (ties go to the earlier
 * peer), and the winner gives back the total. State is kept per backend id across picks.
 */
export class SmoothWeightedState {
  private readonly current = new Map<BackendId, number>();

  /** One smooth-WRR step over exactly these candidates, in config order. */
  step(candidates: readonly BackendView[]): BackendId | undefined {
    let total = 0;
    let best: BackendView | undefined;
    let bestCurrent = -Infinity;
    for (const backend of candidates) {
      const current = (this.current.get(backend.id) ?? 0) + backend.weight;
      this.current.set(backend.id, current);
      total += backend.weight;
      if (current > bestCurrent) {
        best = backend;
        bestCurrent = current;
      }
    }
    if (!best) return undefined;
    this.current.set(best.id, bestCurrent - total);
    return best.id;
  }
}
