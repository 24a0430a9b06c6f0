import type { BackendId } from '@/lib/balancers/types';

/**
 * Envoy outlier detection, consecutive-5xx flavour: eject a host inline when it answers N errors in a
 * row, then let periodic sweeps bring it back and slowly forgive it. Immutable: every call returns a
 * new state plus the events it caused.
 */

/** The `outlier_detection` settings this model honours. */
export interface OutlierConfig {
  /** `consecutive_5xx`: errors in a row that eject a host. */
  consecutive5xx: number;
  /** `interval`: time between sweeps, which return hosts and decay the ejection multiplier. */
  intervalMs: number;
  /** `base_ejection_time`: the first ejection's length; the n-th in a row lasts n times this. */
  baseEjectionTimeMs: number;
  /** `max_ejection_percent`: share of hosts that may be ejected at once. */
  maxEjectionPercent: number;
  /** `max_ejection_time`: no ejection lasts longer. */
  maxEjectionTimeMs: number;
  /** Let the first ejection through even when one host is more than max_ejection_percent of the cluster. */
  alwaysEjectOneHost: boolean;
}

/** Envoy defaults (`outlier_detection.proto`): 5 in a row, 10 s sweeps, 30 s base, 10% (at least one host), 300 s cap. */
export const ENVOY_OUTLIER_DEFAULTS: Readonly<OutlierConfig> = {
  consecutive5xx: 5,
  intervalMs: 10_000,
  baseEjectionTimeMs: 30_000,
  maxEjectionPercent: 10,
  maxEjectionTimeMs: 300_000,
  // The proto promises "at least one host regardless of the value"; current Envoy source gates that on
  // `always_eject_one_host`. We follow the documented promise and keep the switch for lessons.
  alwaysEjectOneHost: true,
};

/** One host as the detector sees it. */
export interface HostOutlierState {
  readonly consecutive5xx: number;
  /** Envoy's ejection backoff: ejections in a row, less one per healthy sweep. */
  readonly multiplier: number;
  /** Present while ejected. */
  readonly ejection?: { readonly at: number; readonly durationMs: number };
  readonly lastReturnedAt?: number;
}

/** The detector: its settings, every host, and when the next sweep runs. */
export interface OutlierState {
  readonly config: Readonly<OutlierConfig>;
  readonly hosts: ReadonlyMap<BackendId, HostOutlierState>;
  readonly nextSweepAt: number;
}

/** How a request to a host ended. Local-origin errors count as 5xx while split mode is off (Envoy's default). */
export type ResponseOutcome = { kind: 'http'; status: number } | { kind: 'local-origin-error'; reason: 'timeout' | 'reset' | 'connect-failure' };

/** Something the detector did that a user would notice. */
export type OutlierEvent =
  | { kind: 'ejected'; id: BackendId; at: number; durationMs: number; until: number }
  | { kind: 'ejection-refused'; id: BackendId; at: number; ejected: number; hosts: number }
  | { kind: 'returned'; id: BackendId; at: number };

/** A new state and what happened on the way to it. */
export interface OutlierStep {
  state: OutlierState;
  events: OutlierEvent[];
}

/** Rejects what Envoy rejects, notably max_ejection_time below base_ejection_time (`outlier_detection_impl.cc`). */
export function validateOutlierConfig(config: OutlierConfig): void {
  if (!Number.isInteger(config.consecutive5xx) || config.consecutive5xx < 1) throw new RangeError('consecutive_5xx must be a positive integer');
  if (!(config.intervalMs > 0) || !(config.baseEjectionTimeMs > 0)) throw new RangeError('interval and base_ejection_time must be positive');
  if (config.maxEjectionTimeMs < config.baseEjectionTimeMs) throw new RangeError('max_ejection_time cannot be smaller than base_ejection_time');
  if (!(config.maxEjectionPercent >= 0)) throw new RangeError('max_ejection_percent must be ≥ 0');
}

const freshHost: HostOutlierState = { consecutive5xx: 0, multiplier: 0 };

/** Starts a detector for these hosts; the first sweep runs one interval after `now` (Envoy arms its timer at start). */
export function createOutlierDetector(ids: readonly BackendId[], now: number, config: OutlierConfig = ENVOY_OUTLIER_DEFAULTS): OutlierState {
  validateOutlierConfig(config);
  return { config, hosts: new Map(ids.map((id) => [id, freshHost])), nextSweepAt: now + config.intervalMs };
}

/** How long an ejection with this multiplier lasts: base × multiplier, capped at max_ejection_time (Envoy `outlier.rst`). */
export function ejectionDurationMs(multiplier: number, config: OutlierConfig = ENVOY_OUTLIER_DEFAULTS): number {
  return Math.min(config.baseEjectionTimeMs * multiplier, config.maxEjectionTimeMs);
}

/** Whether one more ejection fits: (ejected + 1)/hosts ≤ max_ejection_percent, or none is ejected yet (Envoy `ejectHost`). */
export function ejectionAllowed(ejected: number, hosts: number, config: OutlierConfig = ENVOY_OUTLIER_DEFAULTS): boolean {
  const withinShare = (100 * (ejected + 1)) / hosts <= Math.min(100, config.maxEjectionPercent);
  return withinShare || (config.alwaysEjectOneHost && ejected === 0);
}

/** True while the host is ejected and must not be picked (unless the balancer is in panic). */
export function isEjected(state: OutlierState, id: BackendId): boolean {
  return state.hosts.get(id)?.ejection !== undefined;
}

/** The hosts currently ejected, in the order the detector was given them. */
export function ejectedHosts(state: OutlierState): BackendId[] {
  return [...state.hosts].filter(([, host]) => host.ejection).map(([id]) => id);
}

function sweep(hosts: Map<BackendId, HostOutlierState>, at: number, config: OutlierConfig, events: OutlierEvent[]): void {
  for (const [id, host] of hosts) {
    if (host.ejection && at - host.ejection.at >= host.ejection.durationMs) {
      // Envoy clears the error counters on return so a few fresh errors cannot re-eject at once.
      hosts.set(id, { consecutive5xx: 0, multiplier: host.multiplier, lastReturnedAt: at });
      events.push({ kind: 'returned', id, at });
    }
  }
  for (const [id, host] of hosts) {
    const healthyForAnInterval = !host.ejection && host.lastReturnedAt !== undefined && at - host.lastReturnedAt >= config.intervalMs;
    if (healthyForAnInterval && host.multiplier > 0) hosts.set(id, { ...host, multiplier: host.multiplier - 1 });
  }
}

/** Runs every sweep due by `now` (Envoy `onIntervalTimer`): ejected hosts whose time is up return; healthy hosts' multipliers drop by one. */
export function advanceOutlier(state: OutlierState, now: number): OutlierStep {
  if (now < state.nextSweepAt) return { state, events: [] };
  const hosts = new Map(state.hosts);
  const events: OutlierEvent[] = [];
  let sweepAt = state.nextSweepAt;
  for (; sweepAt <= now; sweepAt += state.config.intervalMs) sweep(hosts, sweepAt, state.config, events);
  return { state: { ...state, hosts, nextSweepAt: sweepAt }, events };
}

const countsAsError = (outcome: ResponseOutcome): boolean =>
  outcome.kind === 'local-origin-error' || (outcome.status >= 500 && outcome.status <= 599);

/** Records one response from a host; the `consecutive_5xx`-th error in a row ejects it inline if the max share allows (Envoy `outlier_detection_impl.cc`). */
export function recordResponse(state: OutlierState, id: BackendId, outcome: ResponseOutcome, now: number): OutlierStep {
  const advanced = advanceOutlier(state, now);
  const host = advanced.state.hosts.get(id);
  if (!host) throw new Error(`unknown backend ${id}`);
  const { config } = advanced.state;
  const hosts = new Map(advanced.state.hosts);
  const events = advanced.events;

  if (!countsAsError(outcome)) {
    hosts.set(id, { ...host, consecutive5xx: 0 });
  } else if (host.consecutive5xx + 1 !== config.consecutive5xx || host.ejection) {
    hosts.set(id, { ...host, consecutive5xx: host.consecutive5xx + 1 });
  } else {
    const ejected = ejectedHosts(advanced.state).length;
    // Whether or not the ejection goes through, the streak is spent: the next try needs a fresh run of errors.
    if (ejectionAllowed(ejected, hosts.size, config)) {
      // The multiplier keeps growing until base × multiplier passes the cap by a whole base step, so a
      // host that keeps failing sits at the cap and takes that many healthy sweeps to be forgiven.
      const grows = host.multiplier * config.baseEjectionTimeMs < config.maxEjectionTimeMs + config.baseEjectionTimeMs;
      const multiplier = grows ? host.multiplier + 1 : host.multiplier;
      const durationMs = ejectionDurationMs(multiplier, config);
      hosts.set(id, { ...host, consecutive5xx: 0, multiplier, ejection: { at: now, durationMs } });
      events.push({ kind: 'ejected', id, at: now, durationMs, until: now + durationMs });
    } else {
      hosts.set(id, { ...host, consecutive5xx: 0 });
      events.push({ kind: 'ejection-refused', id, at: now, ejected, hosts: hosts.size });
    }
  }
  return { state: { ...advanced.state, hosts }, events };
}
