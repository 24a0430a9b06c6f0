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

  route(servers: readonly Server[], cookie: string | undefined): StickyDecision {
    const pinned = cookie === undefined ? undefined : servers.find((server) => server.id === cookie);
    // indirect: a client whose cookie already names a usable server gets no new one.
    if (pinned?.up) return { server: pinned.id };
    return this.balance(servers);
  }

  afterConnectFailure(servers: readonly Server[], failed: string): StickyDecision {
    if (!this.options.redispatch) return { server: undefined };
    return this.balance(servers.map((server) => (server.id === failed ? { ...server, up: false } : server)));
  }

  private balance(servers: readonly Server[]): StickyDecision {
    const server = this.roundRobin.pick(servers);
    return server === undefined ? { server: undefined } : { server, setCookie: server };
  }
}
