import type { WeightedServer } from './types';

/** nginx ip_hash's first hash of a dotted IPv4 address: 154 for 192.168.1.10. */
export function ipHash(ip: string): number {
  throw new Error('Not implemented');
}

/**
 * The server nginx ip_hash sends this client to: a weighted walk chosen by the hash, rehashing
 * past servers that are down. Returns undefined when no server is up.
 */
export function pickServer(servers: readonly WeightedServer[], clientIp: string): string | undefined {
  throw new Error('Not implemented');
}
