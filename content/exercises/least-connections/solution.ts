import type { Backend } from './types';

/** nginx's least_conn: the fewest active requests per unit of weight, ties broken by smooth weighted round robin. */
export class LeastConnections {
  /** The tie-break's smooth weighted round robin scores, by id. */
  private readonly scores = new Map<string, number>();

  pick(servers: readonly Backend[]): string | undefined {
    let tied: Backend[] = [];
    for (const server of servers) {
      if (!server.up) continue;
      const best = tied[0];
      if (!best) {
        tied = [server];
        continue;
      }
      // active/weight compared without dividing: a/wa < b/wb  ⇔  a·wb < b·wa.
      const mine = server.active * best.weight;
      const theirs = best.active * server.weight;
      if (mine < theirs) tied = [server];
      else if (mine === theirs) tied.push(server);
    }
    if (tied.length <= 1) return tied[0]?.id;
    return this.smoothStep(tied);
  }

  private smoothStep(candidates: readonly Backend[]): string {
    let total = 0;
    let best = candidates[0]!;
    let bestScore = -Infinity;
    for (const server of candidates) {
      const score = (this.scores.get(server.id) ?? 0) + server.weight;
      this.scores.set(server.id, score);
      total += server.weight;
      if (score > bestScore) {
        best = server;
        bestScore = score;
      }
    }
    this.scores.set(best.id, bestScore - total);
    return best.id;
  }
}
