import { DEFAULT_PINNED_FOR_MS } from './dns-round-robin';
import type { BalancerIndex, FrontDoorSpec } from './types';
import { masterDownIntervalMs } from './vrrp';

/** One balancer going down from a state where both were up (and, active-passive, balancer 0 held the address). */
export interface BalancerOutage {
  balancer: BalancerIndex;
  /** How long it stays down; for good when omitted. */
  downForMs?: number;
}

/**
 * The lesson's figure: over every crash phase and every client, the longest unbroken run of
 * requests failing at the balancer tier that one balancer going down can cause. The simulation
 * gets within a request or two of it when the crash lands just after an advertisement or a check.
 * - single: the whole time the balancer is down.
 * - active-passive: Master_Down_Interval (missed × interval + skew) plus the takeover, if the
 *   primary dies; a primary back within takeoverMs that preempts ends it sooner, since the network
 *   still points at it. One back later and preempting costs a second, separate gap of takeoverMs.
 *   The backup dying costs nothing.
 * - dns-round-robin: up to failuresToRemove × interval until DNS drops the address, plus the TTL
 *   (or the pinning time) of a client that resolved just before that; no longer than the balancer is down.
 */
export function worstCaseOutageMs(spec: FrontDoorSpec, outage: BalancerOutage): number {
  const downForMs = outage.downForMs ?? Infinity;
  switch (spec.mode) {
    case 'single':
      return outage.balancer === 0 ? downForMs : 0;
    case 'active-passive': {
      if (outage.balancer === 1) return 0;
      const takeoverMs = (spec.preempt ?? true) ? Math.min(spec.takeoverMs, downForMs) : spec.takeoverMs;
      return masterDownIntervalMs(spec) + takeoverMs;
    }
    case 'dns-round-robin': {
      const detectionMs = spec.failuresToRemove * spec.healthCheckIntervalMs;
      const holdMs = (spec.ignoreTtlShare ?? 0) > 0 ? Math.max(spec.ttlMs, spec.pinnedForMs ?? DEFAULT_PINNED_FOR_MS) : spec.ttlMs;
      return Math.min(downForMs, detectionMs + holdMs);
    }
  }
}
