import { createLeastConnections } from '@/lib/balancers/least-connections';
import { backendId } from '@/lib/balancers/types';
import type { Backend } from './types';

/** The exercise's API over the engine's nginx least_conn (lib/balancers/least-connections.ts). */
export class LeastConnections {
  private readonly balancer = createLeastConnections();

  pick(servers: readonly Backend[]): string | undefined {
    return this.balancer.pick(servers.map((server) => ({ id: backendId(server.id), weight: server.weight, usable: server.up, activeConnections: server.active })));
  }
}
