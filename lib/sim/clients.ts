import type { ClientSpec } from './scenario';

/** Distinct /24 networks in 198.18.0.0/15 (RFC 2544's range for benchmarking, never routed on the internet). */
const NETWORKS = 512;

/**
 * The address of client `index`. Consecutive clients sit in different /24 networks because nginx
 * ip_hash keys on the first three octets only: clients packed into one documentation /24
 * (198.51.100.x) would all hash to the same server, which is a lesson of its own, not a default.
 */
export function clientAddress(index: number): string {
  const network = index % NETWORKS;
  const host = 1 + (Math.floor(index / NETWORKS) % 254);
  return `198.${18 + (network >> 8)}.${network & 255}.${host}`;
}

/** Every client's address and session key, by client number; precomputed so a request costs no string building. */
export interface ClientPool {
  readonly addresses: readonly string[];
  readonly sessionKeys: readonly string[];
}

/** The clients of a scenario. Behind `natGroups` NAT gateways, clients share addresses but keep their own session keys. */
export function createClientPool(spec: ClientSpec): ClientPool {
  const gateways = spec.natGroups ?? spec.count;
  return {
    addresses: Array.from({ length: spec.count }, (_, index) => clientAddress(index % gateways)),
    sessionKeys: Array.from({ length: spec.count }, (_, index) => `session-${index + 1}`),
  };
}
