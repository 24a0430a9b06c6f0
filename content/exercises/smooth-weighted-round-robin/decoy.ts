import type { WeightedServer } from './types';

/** Plausible but wrong: forgets the score of a server that is down, so it returns with a clean slate. */
export class SmoothWeightedRoundRobin {
  private readonly scores = new Map<string, number>();

  pick(servers: readonly WeightedServer[]): string | undefined {
    let total = 0;
    let best: WeightedServer | undefined;
    let bestScore = -Infinity;
    for (const server of servers) {
      if (!server.up) {
        this.scores.delete(server.id);
        continue;
      }
      const score = (this.scores.get(server.id) ?? 0) + server.weight;
      this.scores.set(server.id, score);
      total += server.weight;
      if (score > bestScore) {
        best = server;
        bestScore = score;
      }
    }
    if (!best) return undefined;
    this.scores.set(best.id, bestScore - total);
    return best.id;
  }
}
