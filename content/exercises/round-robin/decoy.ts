import type { Server } from './types';

/** Plausible but wrong: counts requests and indexes into the servers that are up right now. */
export class RoundRobin {
  private count = 0;

  pick(servers: readonly Server[]): string | undefined {
    const up = servers.filter((server) => server.up);
    if (up.length === 0) return undefined;
    return up[this.count++ % up.length]!.id;
  }
}
