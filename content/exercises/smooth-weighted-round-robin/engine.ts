import { createWeightedRoundRobin } from '@/lib/balancers/weighted-round-robin';
import { backendId } from '@/lib/balancers/types';
import type { WeightedServer } from './types';

/** The exercise's API over the engine's nginx smooth weighted round robin (lib/balancers/weighted-round-robin.ts). */
export class SmoothWeightedRoundRobin {
  private readonly balancer = createWeightedRoundRobin();

  pick(servers: readonly WeightedServer[]): string | undefined {
    return this.balancer.pick(servers.map((server) => ({ id: backendId(server.id), weight: server.weight, usable: server.up, activeConnections: 0 })));
  }
}
