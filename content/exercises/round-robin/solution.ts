import type { Server } from './types';

/** Plain round robin: each request goes to the next server in the list that is up. */
export class RoundRobin {
  /** Where the next search starts: one past the server chosen last. */
  private next = 0;

  pick(servers: readonly Server[]): string | undefined {
    for (let tried = 0; tried < servers.length; tried++) {
      const index = (this.next + tried) % servers.length;
      const server = servers[index]!;
      if (server.up) {
        this.next = index + 1;
        return server.id;
      }
    }
    return undefined;
  }
}
