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

/** Plausible but wrong: trusts the cookie even when its server has been marked down. */
export class StickyBalancer {
  private readonly roundRobin = new RoundRobin();

  constructor(private readonly options: StickyOptions) {}

  route(servers: readonly Server[], cookie: string | undefined): StickyDecision {
    const pinned = servers.find((server) => server.id === cookie);
    if (pinned) return { server: pinned.id };
    const server = this.roundRobin.pick(servers);
    return server === undefined ? { server: undefined } : { server, setCookie: server };
  }

  afterConnectFailure(servers: readonly Server[], failed: string): StickyDecision {
    if (!this.options.redispatch) return { server: undefined };
    const server = this.roundRobin.pick(servers.map((s) => (s.id === failed ? { ...s, up: false } : s)));
    return server === undefined ? { server: undefined } : { server, setCookie: server };
  }
}
