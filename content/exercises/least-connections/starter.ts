import type { Backend } from './types';

/** nginx's least_conn: the fewest active requests per unit of weight, ties broken by smooth weighted round robin. */
export class LeastConnections {
  /**
   * Chooses the server for one request. `servers` is the whole list, in the same order on every
   * call, with each server's current number of active requests. Returns the chosen server's id, or
   * undefined when no server is up.
   */
  pick(servers: readonly Backend[]): string | undefined {
    throw new Error('Not implemented');
  }
}
