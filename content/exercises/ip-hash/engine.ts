import { createIpHash, nginxIpHash } from '@/lib/balancers/ip-hash';
import { backendId } from '@/lib/balancers/types';
import type { WeightedServer } from './types';

/** The exercise's API over the engine's nginx ip_hash (lib/balancers/ip-hash.ts); a fresh balancer per call, as the exercise is stateless. */
export function ipHash(ip: string): number {
  return nginxIpHash(ip);
}

export function pickServer(servers: readonly WeightedServer[], clientIp: string): string | undefined {
  const views = servers.map((server) => ({ id: backendId(server.id), weight: server.weight, usable: server.up, activeConnections: 0 }));
  return createIpHash().pick(views, { clientIp });
}
