import type { WeightedServer } from './types';

/** Plausible but wrong: drops the down servers before hashing, so every client's position shifts. */
export function ipHash(ip: string): number {
  let hash = 89;
  for (const octet of ip.split('.').slice(0, 3).map(Number)) hash = (hash * 113 + octet) % 6271;
  return hash;
}

export function pickServer(servers: readonly WeightedServer[], clientIp: string): string | undefined {
  const up = servers.filter((server) => server.up);
  if (up.length === 0) return undefined;
  let left = ipHash(clientIp) % up.reduce((sum, server) => sum + server.weight, 0);
  for (const server of up) {
    if (left < server.weight) return server.id;
    left -= server.weight;
  }
  return undefined;
}
