import type { WeightedServer } from './types';

const START = 89;
const MULTIPLIER = 113;
const MODULUS = 6271;
const MAX_WALKS = 21;

/** The first three octets: every client in a /24 network hashes the same. */
function keyOf(ip: string): number[] {
  return ip.split('.').slice(0, 3).map(Number);
}

/** One pass over the key bytes, continuing from `hash`. */
function step(hash: number, key: readonly number[]): number {
  let h = hash;
  for (const octet of key) h = (h * MULTIPLIER + octet) % MODULUS;
  return h;
}

export function ipHash(ip: string): number {
  return step(START, keyOf(ip));
}

/** What nginx's weighted round robin would pick first: the up server with the largest weight, the earliest on a tie. */
function fallback(servers: readonly WeightedServer[]): string | undefined {
  let best: WeightedServer | undefined;
  for (const server of servers) if (server.up && (!best || server.weight > best.weight)) best = server;
  return best?.id;
}

export function pickServer(servers: readonly WeightedServer[], clientIp: string): string | undefined {
  if (servers.length < 2 || !servers.some((server) => server.up)) return fallback(servers);
  const key = keyOf(clientIp);
  // Down servers stay in the walk, so marking one down moves only its own clients.
  const total = servers.reduce((sum, server) => sum + server.weight, 0);
  let hash = START;
  for (let walk = 0; walk < MAX_WALKS; walk++) {
    hash = step(hash, key);
    let left = hash % total;
    for (const server of servers) {
      if (left < server.weight) {
        if (server.up) return server.id;
        break;
      }
      left -= server.weight;
    }
  }
  return fallback(servers);
}
