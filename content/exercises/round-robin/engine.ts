import { createRoundRobin } from '@/lib/balancers/round-robin';
import { backendId } from '@/lib/balancers/types';
import type { Server } from './types';

/** The exercise's API over the engine's round robin (lib/balancers/round-robin.ts). */
export class RoundRobin {
  private readonly balancer = createRoundRobin();

  pick(servers: readonly Server[]): string | undefined {
    return this.balancer.pick(servers.map((server) => ({ id: backendId(server.id), weight: 1, usable: server.up, activeConnections: 0 })));
  }
}
