import type { Server } from './types';

/** Plain round robin: each request goes to the next server in the list that is up. */
export class RoundRobin {
  /**
   * Chooses the server for one request. `servers` is the whole list, in the same order on every
   * call; only `up` changes between calls. Returns the chosen server's id, or undefined when no
   * server is up.
   */
  pick(servers: readonly Server[]): string | undefined {
    throw new Error('Not implemented');
  }
}
