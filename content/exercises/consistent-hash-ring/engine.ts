import { buildRing, createConsistentHash } from '@/lib/balancers/consistent-hash';
import { backendId } from '@/lib/balancers/types';
import type { RingServer } from './types';

/** The exercise's API over the engine's nginx ketama ring (lib/balancers/consistent-hash.ts); a fresh balancer per lookup, as the exercise's fallback has no memory. */
export class HashRing {
  constructor(private readonly servers: readonly RingServer[]) {}

  get size(): number {
    return buildRing(this.servers.map((server) => ({ id: backendId(server.id), weight: server.weight }))).length;
  }

  lookup(key: string, isUp: (id: string) => boolean = () => true): string | undefined {
    const views = this.servers.map((server) => ({ id: backendId(server.id), weight: server.weight, usable: isUp(server.id), activeConnections: 0 }));
    return createConsistentHash().pick(views, { key });
  }
}
