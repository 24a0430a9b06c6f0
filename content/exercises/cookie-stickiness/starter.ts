import type { Server, StickyDecision, StickyOptions } from './types';

/** Given: the plain round robin that balances requests without a usable cookie. */
export class RoundRobin {
  private next = 0;

  /** The next server that is up, in list order, or undefined when none is. */
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

/** HAProxy `cookie SERVERID insert indirect`: a cookie naming the server keeps each client on it. */
export class StickyBalancer {
  private readonly roundRobin = new RoundRobin();

  constructor(private readonly options: StickyOptions) {}

  /** Routes one request that carries `cookie` (the SERVERID value), or none. */
  route(servers: readonly Server[], cookie: string | undefined): StickyDecision {
    throw new Error('Not implemented');
  }

  /** The chosen server did not answer, before health checks noticed: fail the request, or redispatch it. */
  afterConnectFailure(servers: readonly Server[], failed: string): StickyDecision {
    throw new Error('Not implemented');
  }
}
