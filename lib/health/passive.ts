import type { BackendId } from '@/lib/balancers/types';

/**
 * nginx's passive health (open source): no probes, only the outcome of real requests, kept per peer
 * in the upstream's peer table.
 *
 * Design: `createPassiveHealth` returns a small mutable tracker, because nginx's peer table is shared,
 * mutable state that every pick and every response updates; an immutable copy per request would only
 * add ceremony. It stays pure in the sense that matters here: time comes only from the `now` argument.
 */

/** The nginx `server` parameters that govern passive health. */
export interface PassiveHealthConfig {
  /** `max_fails`: failures that take a peer out; 0 turns accounting off. */
  maxFails: number;
  /** `fail_timeout` in ms; nginx accepts whole seconds only. */
  failTimeoutMs: number;
}

/** nginx `server` defaults (`ngx_http_upstream.c`): max_fails=1, fail_timeout=10s. */
export const NGINX_PASSIVE_DEFAULTS: Readonly<PassiveHealthConfig> = { maxFails: 1, failTimeoutMs: 10_000 };

/** One upstream server: its id, configured weight and, optionally, its own max_fails/fail_timeout. */
export interface PassivePeer extends Partial<PassiveHealthConfig> {
  id: BackendId;
  weight: number;
}

/** Settings for every peer, plus peers that differ; a peer never listed joins with nginx's weight=1 on first use. */
export interface PassiveHealthOptions extends Partial<PassiveHealthConfig> {
  peers?: readonly PassivePeer[];
}

/** What the tracker knows about one peer, in nginx's terms (times in whole seconds). */
export interface PassivePeerSnapshot {
  fails: number;
  /** Second of the last failure; −Infinity if it never failed. */
  accessedSec: number;
  /** Second the current fail_timeout window started; −Infinity before the first pick. */
  checkedSec: number;
  effectiveWeight: number;
  weight: number;
}

/** The passive-health operations a balancer calls around each request. */
export interface PassiveHealth {
  /** False while the peer has max_fails failures and fail_timeout has not passed since `checked`. */
  isUsable(id: BackendId, now: number): boolean;
  /** The effective weight to add in this smooth-WRR round; the peer then recovers 1 towards its weight. */
  weighForRound(id: BackendId): number;
  /** Records that the balancer chose the peer; opens a new window (one probe) once fail_timeout has passed. */
  onPicked(id: BackendId, now: number): void;
  /** Records how the request went: `ok` false for error, timeout or invalid header (and listed 5xx). */
  onResult(id: BackendId, ok: boolean, now: number): void;
  /** The current effective_weight, without the per-round recovery. */
  effectiveWeight(id: BackendId): number;
  /** nginx's per-peer counters, for display and tests. */
  snapshot(id: BackendId): PassivePeerSnapshot;
}

interface PeerRecord {
  readonly weight: number;
  readonly maxFails: number;
  readonly failTimeoutSec: number;
  fails: number;
  accessedSec: number;
  checkedSec: number;
  effectiveWeight: number;
}

// nginx reads the cached ngx_time(), which has whole-second resolution. With `≤` on whole seconds a
// peer that failed at 0.2 s under fail_timeout=2s stays out until the clock reads 3 s, which is why
// the [RUN] probes land about every fail_timeout + 1 s. Modelling milliseconds would hide that.
const toSec = (ms: number): number => Math.floor(ms / 1000);

function validatePassiveConfig({ maxFails, failTimeoutMs }: PassiveHealthConfig): void {
  if (!Number.isInteger(maxFails) || maxFails < 0) throw new RangeError(`max_fails must be a non-negative integer, got ${maxFails}`);
  if (!(failTimeoutMs >= 0) || failTimeoutMs % 1000 !== 0) throw new RangeError(`fail_timeout is whole seconds in nginx, got ${failTimeoutMs} ms`);
}

function peerRecord(peer: PassivePeer, defaults: PassiveHealthConfig): PeerRecord {
  const maxFails = peer.maxFails ?? defaults.maxFails;
  const failTimeoutMs = peer.failTimeoutMs ?? defaults.failTimeoutMs;
  if (!Number.isInteger(peer.weight) || peer.weight < 1) throw new RangeError(`weight must be a positive integer, got ${peer.weight}`);
  validatePassiveConfig({ maxFails, failTimeoutMs });
  return {
    weight: peer.weight,
    maxFails,
    failTimeoutSec: failTimeoutMs / 1000,
    fails: 0,
    accessedSec: Number.NEGATIVE_INFINITY,
    checkedSec: Number.NEGATIVE_INFINITY,
    effectiveWeight: peer.weight,
  };
}

/** Tracks nginx passive health for a set of peers (`ngx_http_upstream_round_robin.c`: get_peer/free_peer). */
export function createPassiveHealth(options: PassiveHealthOptions = {}): PassiveHealth {
  const defaults: PassiveHealthConfig = {
    maxFails: options.maxFails ?? NGINX_PASSIVE_DEFAULTS.maxFails,
    failTimeoutMs: options.failTimeoutMs ?? NGINX_PASSIVE_DEFAULTS.failTimeoutMs,
  };
  validatePassiveConfig(defaults);
  const records = new Map<BackendId, PeerRecord>((options.peers ?? []).map((peer) => [peer.id, peerRecord(peer, defaults)]));
  const get = (id: BackendId): PeerRecord => {
    let record = records.get(id);
    if (!record) {
      record = peerRecord({ id, weight: 1 }, defaults);
      records.set(id, record);
    }
    return record;
  };

  return {
    isUsable(id, now) {
      const p = get(id);
      return !(p.maxFails > 0 && p.fails >= p.maxFails && toSec(now) - p.checkedSec <= p.failTimeoutSec);
    },
    weighForRound(id) {
      const p = get(id);
      const weight = p.effectiveWeight;
      if (p.effectiveWeight < p.weight) p.effectiveWeight += 1;
      return weight;
    },
    onPicked(id, now) {
      const p = get(id);
      // Only a pick after the window has run out moves `checked`; that pick is the one probe request.
      if (toSec(now) - p.checkedSec > p.failTimeoutSec) p.checkedSec = toSec(now);
    },
    onResult(id, ok, now) {
      const p = get(id);
      if (p.maxFails === 0) return;
      if (ok) {
        // A success counts as recovery only if this window opened after the last failure.
        if (p.accessedSec < p.checkedSec) p.fails = 0;
        return;
      }
      p.fails += 1;
      p.accessedSec = toSec(now);
      p.checkedSec = toSec(now);
      p.effectiveWeight = Math.max(0, p.effectiveWeight - Math.floor(p.weight / p.maxFails));
    },
    effectiveWeight: (id) => get(id).effectiveWeight,
    snapshot(id) {
      const { fails, accessedSec, checkedSec, effectiveWeight, weight } = get(id);
      return { fails, accessedSec, checkedSec, effectiveWeight, weight };
    },
  };
}
