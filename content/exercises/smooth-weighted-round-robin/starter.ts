import type { WeightedServer } from './types';

/** nginx's smooth weighted round robin. */
export class SmoothWeightedRoundRobin {
  /**
   * Chooses the server for one request. `servers` is the whole list, in the same order on every
   * call; only `up` changes between calls. Returns the chosen server's id, or undefined when no
   * server is up.
   */
  pick(servers: readonly WeightedServer[]): string | undefined {
    throw new Error('Not implemented');
  }
}
