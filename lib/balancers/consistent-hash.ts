import { CRC32_INIT, crc32Final, crc32String, crc32Update, utf8 } from '@/lib/hash/crc32';
import { SmoothWeightedState } from './smooth-weighted';
import type { Balancer, BackendId, BackendView, PickRequest } from './types';
import { hashKeyOf } from './hash-key';

const POINTS_PER_WEIGHT = 160;
const MAX_TRIES = 20;

/** One virtual node: a position on the 32-bit circle and the backend that owns it. */
export interface RingPoint {
  hash: number;
  backend: BackendId;
}

/** Splits a server string the way nginx's chash does: "unix:" paths whole, else at the last ':' when only digits follow. */
export function splitServer(server: string): { host: string; port: string } {
  if (server.startsWith('unix:')) return { host: server.slice('unix:'.length), port: '' };
  const match = /^(.*):(\d*)$/s.exec(server);
  return match ? { host: match[1] ?? '', port: match[2] ?? '' } : { host: server, port: '' };
}

/** The ketama-style points of nginx `hash $key consistent`: 160 per weight unit, sorted, duplicates dropped (ngx_http_upstream_hash_module.c). */
export function buildRing(backends: readonly Pick<BackendView, 'id' | 'weight'>[]): RingPoint[] {
  const points: RingPoint[] = [];
  for (const { id, weight } of backends) {
    const { host, port } = splitServer(id);
    const base = crc32Update(crc32Update(crc32Update(CRC32_INIT, utf8(host)), [0]), utf8(port));
    let prev = [0, 0, 0, 0];
    for (let i = 0; i < weight * POINTS_PER_WEIGHT; i++) {
      const hash = crc32Final(crc32Update(base, prev));
      points.push({ hash, backend: id });
      prev = [hash & 0xff, (hash >>> 8) & 0xff, (hash >>> 16) & 0xff, hash >>> 24];
    }
  }
  // Array.prototype.sort is stable, so on a collision the earlier backend in config order keeps the point;
  // nginx uses qsort, which is not stable, so there the survivor is implementation-defined (rare).
  points.sort((a, b) => a.hash - b.hash);
  return points.filter((p, i) => i === 0 || p.hash !== points[i - 1]?.hash);
}

/** Index of the first point at or after `hash`; points.length when the key lies past the last point (wraps to 0). */
export function firstPointAtOrAfter(points: readonly RingPoint[], hash: number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((points[mid]?.hash ?? 0) < hash) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** nginx `hash $key consistent` (ngx_http_upstream_hash_module.c): the first point clockwise of crc32(key), skipping unusable backends. */
export function createConsistentHash(): Balancer {
  let signature = '';
  let ring: RingPoint[] = [];
  // nginx falls back to its smooth weighted round robin over the usable peers (ngx_http_upstream_get_round_robin_peer).
  const roundRobin = new SmoothWeightedState();
  const fallback = (backends: readonly BackendView[]) => roundRobin.step(backends.filter((b) => b.usable));

  return {
    algorithm: 'consistent-hash',
    pick(backends: readonly BackendView[], request?: PickRequest): BackendId | undefined {
      const key = hashKeyOf(request);
      if (!key || !backends.some((b) => b.usable)) return fallback(backends);
      // Config order is part of the signature because it decides which backend keeps a colliding point.
      const current = backends.map((b) => `${b.id}\u0000${b.weight}`).join('\u0001');
      if (current !== signature) {
        signature = current;
        ring = buildRing(backends);
      }
      const byId = new Map(backends.map((b) => [b.id, b]));
      let i = firstPointAtOrAfter(ring, crc32String(key));
      for (let tries = 0; tries <= MAX_TRIES; tries++, i++) {
        // Backend ids are unique, so each point names exactly one peer (nginx may find several behind one hostname).
        const point = ring[i % ring.length];
        if (point && byId.get(point.backend)?.usable) return point.backend;
      }
      return fallback(backends);
    },
  };
}
