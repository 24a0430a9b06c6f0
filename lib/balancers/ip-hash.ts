import { SmoothWeightedState } from './smooth-weighted';
import type { Balancer, BackendId, BackendView, PickRequest } from './types';

const START = 89;
const MULTIPLIER = 113;
const MODULUS = 6271;
const MAX_REHASHES = 20;

/** nginx's key for ip_hash: the first 3 octets of IPv4, all 16 bytes of IPv6, 3 zero bytes otherwise (ngx_http_upstream_ip_hash_module.c). */
export function ipHashKey(ip: string | undefined): number[] {
  const v4 = ip === undefined ? undefined : parseIpv4(ip);
  if (v4) return v4.slice(0, 3);
  const v6 = ip === undefined ? undefined : parseIpv6(ip);
  return v6 ?? [0, 0, 0];
}

/** One pass of nginx ip_hash over the key bytes, continuing from `hash` (ngx_http_upstream_ip_hash_module.c). */
export function ipHashStep(hash: number, key: readonly number[]): number {
  let h = hash;
  for (const byte of key) h = (h * MULTIPLIER + byte) % MODULUS;
  return h;
}

/** nginx ip_hash's first-pass hash of a client address: 154 for 192.168.1.10 (ngx_http_upstream_ip_hash_module.c). */
export function nginxIpHash(ip: string): number {
  return ipHashStep(START, ipHashKey(ip));
}

/** nginx `ip_hash` (ngx_http_upstream_ip_hash_module.c): a weighted walk over every peer, rehashing past unusable ones. */
export function createIpHash(): Balancer {
  // nginx falls back to its smooth weighted round robin over the usable peers (ngx_http_upstream_get_round_robin_peer).
  const fallback = new SmoothWeightedState();
  const roundRobin = (backends: readonly BackendView[]) => fallback.step(backends.filter((b) => b.usable));

  return {
    algorithm: 'ip-hash',
    pick(backends: readonly BackendView[], request?: PickRequest): BackendId | undefined {
      if (backends.length < 2 || !backends.some((b) => b.usable)) return roundRobin(backends);
      const key = ipHashKey(request?.clientIp);
      // Down peers keep their weight in the walk, so marking one down leaves every other client on its server.
      const totalWeight = backends.reduce((sum, b) => sum + b.weight, 0);
      let hash = START;
      for (let tries = 0; tries <= MAX_REHASHES; tries++) {
        // A rehash continues from the previous hash; restarting at 89 would land on the same peer again.
        hash = ipHashStep(hash, key);
        const candidate = walkWeights(backends, hash % totalWeight);
        if (candidate?.usable) return candidate.id;
      }
      return roundRobin(backends);
    },
  };
}

function walkWeights(backends: readonly BackendView[], point: number): BackendView | undefined {
  let w = point;
  for (const backend of backends) {
    if (w < backend.weight) return backend;
    w -= backend.weight;
  }
  return undefined;
}

function parseIpv4(ip: string): number[] | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.map(Number);
}

function parseIpv6(ip: string): number[] | undefined {
  const address = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const halves = address.split('::');
  if (halves.length > 2 || !address.includes(':')) return undefined;
  const head = halves[0] ? groupsToBytes(halves[0]) : [];
  const tail = halves[1] ? groupsToBytes(halves[1]) : [];
  if (!head || !tail) return undefined;
  const gap = 16 - head.length - tail.length;
  if (halves.length === 1 ? gap !== 0 : gap < 2) return undefined;
  return [...head, ...new Array<number>(gap).fill(0), ...tail];
}

function groupsToBytes(text: string): number[] | undefined {
  const groups = text.split(':');
  const bytes: number[] = [];
  for (const [i, group] of groups.entries()) {
    // An IPv4-mapped tail such as ::ffff:192.168.1.10 ends in dotted quad.
    const v4 = i === groups.length - 1 ? parseIpv4(group) : undefined;
    if (v4) bytes.push(...v4);
    else if (/^[0-9a-f]{1,4}$/i.test(group)) bytes.push(parseInt(group, 16) >> 8, parseInt(group, 16) & 0xff);
    else return undefined;
  }
  return bytes;
}
