import type { Backend } from './types';

/** Plausible but wrong: the lowest active/weight wins and a tie simply goes to the first server. */
export class LeastConnections {
  pick(servers: readonly Backend[]): string | undefined {
    let best: Backend | undefined;
    for (const server of servers) {
      if (!server.up) continue;
      if (!best || server.active / server.weight < best.active / best.weight) best = server;
    }
    return best?.id;
  }
}
