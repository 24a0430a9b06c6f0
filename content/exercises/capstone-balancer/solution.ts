import type { Backend, Balancer, Random } from './types';

/**
 * Weighted least connections with random tie-breaks: the fewest held requests per unit of
 * weight wins. It adapts to slow requests (a server stuck on one holds more) and to server size
 * (the weight divides the load), and idle ties spread instead of piling on the first server.
 */
export function createBalancer(random: Random): Balancer {
  return {
    pick(backends: readonly Backend[]): string | undefined {
      let best: Backend[] = [];
      for (const backend of backends) {
        if (!backend.usable) continue;
        const leader = best[0];
        // a.active / a.weight < b.active / b.weight, without dividing.
        const order = leader === undefined ? -1 : backend.activeConnections * leader.weight - leader.activeConnections * backend.weight;
        if (order < 0) best = [backend];
        else if (order === 0) best.push(backend);
      }
      if (best.length === 0) return undefined;
      return best[Math.min(best.length - 1, Math.floor(random() * best.length))]!.id;
    },
  };
}
