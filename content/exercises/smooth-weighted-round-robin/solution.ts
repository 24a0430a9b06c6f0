import type { WeightedServer } from './types';

/** nginx's smooth weighted round robin. */
export class SmoothWeightedRoundRobin {
  /** Each server's running score (nginx calls it current_weight), by id. */
  private readonly scores = new Map<string, number>();

  pick(servers: readonly WeightedServer[]): string | undefined {
    let total = 0;
    let best: WeightedServer | undefined;
    let bestScore = -Infinity;
    for (const server of servers) {
      if (!server.up) continue;
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
