import type { Backend, Balancer } from './types';

/** Weighted least connections whose ties always go to the first server: fine under load, lopsided when idle. */
export function createBalancer(): Balancer {
  return {
    pick(backends: readonly Backend[]): string | undefined {
      let best: Backend | undefined;
      for (const backend of backends) {
        if (!backend.usable) continue;
        if (!best || backend.activeConnections * best.weight < best.activeConnections * backend.weight) best = backend;
      }
      return best?.id;
    },
  };
}
