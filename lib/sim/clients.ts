import type { Random } from '@/lib/random/seeded';
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

/** The /24 networks of 100.64.0.0/10, the carrier-grade NAT range (RFC 6598) that mobile carriers hand out. */
const CARRIER_NETWORKS = 2 ** 14;

/** Whether client `index` is a phone: spread evenly through the clients, so any prefix of them holds about `share` phones. */
export function isMobileClient(index: number, share: number): boolean {
  return Math.floor((index + 1) * share) > Math.floor(index * share);
}

/**
 * Addresses of mobile clients, which move to another network every `everyMs` (Wi-Fi to 4G, one cell
 * to the next). Each phone changes at its own phase and walks the carrier networks with its own
 * odd stride: an odd stride is coprime with the power-of-two network count, so every change lands
 * in a different /24 and ip_hash sees a different key. All of it is drawn from `random`, so a seed
 * replays the same moves.
 */
export class MobileAddresses {
  private readonly phase: Float64Array;
  private readonly start: Int32Array;
  private readonly stride: Int32Array;
  /** The network epoch each cached address belongs to; −1 for a client that is not mobile. */
  private readonly epoch: Float64Array;
  private readonly cached: string[];

  constructor(count: number, share: number, private readonly everyMs: number, random: Random) {
    this.phase = new Float64Array(count);
    this.start = new Int32Array(count);
    this.stride = new Int32Array(count);
    this.epoch = new Float64Array(count).fill(-1);
    this.cached = new Array<string>(count).fill('');
    for (let client = 0; client < count; client += 1) {
      if (!isMobileClient(client, share)) continue;
      this.phase[client] = random() * everyMs;
      this.start[client] = Math.floor(random() * CARRIER_NETWORKS);
      this.stride[client] = 2 * Math.floor(random() * (CARRIER_NETWORKS / 2)) + 1;
      this.epoch[client] = Number.NaN;
    }
  }

  /** The address client `client` has at time `nowMs`, or undefined when it is not a phone. */
  addressAt(client: number, nowMs: number): string | undefined {
    const cachedEpoch = this.epoch[client]!;
    if (cachedEpoch === -1) return undefined;
    const epoch = Math.floor((nowMs + this.phase[client]!) / this.everyMs);
    if (epoch !== cachedEpoch) {
      const network = (this.start[client]! + epoch * this.stride[client]!) % CARRIER_NETWORKS;
      this.cached[client] = `100.${64 + (network >> 8)}.${network & 255}.${1 + (client % 254)}`;
      this.epoch[client] = epoch;
    }
    return this.cached[client];
  }
}
