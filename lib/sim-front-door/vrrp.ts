import { parseOrThrow } from '@/lib/sim/schema-kit';
import { activePassiveSchema } from './spec-schema';
import { effectiveFailures, isUp, BOTH_UP } from './liveness';
import type { Step } from './step-timeline';
import { pushStep } from './step-timeline';
import type { ActivePassiveSpec, BalancerFailure, BalancerIndex } from './types';

/** The floating IP at one moment. */
export interface VrrpSnapshot {
  upMask: number;
  /** The VRRP master, or null while nobody has claimed the address yet. */
  master: BalancerIndex | null;
  /** Whose MAC the network delivers the address to. */
  arpTarget: BalancerIndex;
  /** Requests get through only when the master is where the network sends them. */
  serving: BalancerIndex | null;
}

/**
 * RFC 5798 §6.1 Skew_Time = ((256 − Priority) × Master_Adver_Interval) / 256: a lower-priority
 * backup waits a little longer, so the best backup wins. keepalived's default priority 100 with
 * advert_int 1 s gives 609.375 ms. (VRRPv2, RFC 3768 and keepalived's default, uses (256 − Priority)/256 s whatever the interval.)
 */
export function vrrpSkewMs(priority: number, advertIntervalMs: number): number {
  return ((256 - priority) * advertIntervalMs) / 256;
}

/** RFC 5798 §6.1 Master_Down_Interval = 3 × Master_Adver_Interval + Skew_Time, with the spec's missed count in place of 3. */
export function masterDownIntervalMs(spec: ActivePassiveSpec): number {
  return spec.missedHeartbeats * spec.heartbeatIntervalMs + (spec.skewMs ?? 0);
}

const other = (balancer: BalancerIndex): BalancerIndex => (balancer === 0 ? 1 : 0);

/**
 * The floating IP over time, after the RFC 5798 §6.4 state machine that keepalived implements:
 * - the master advertises every interval from the moment it became master;
 * - when it dies, the backup declares it down Master_Down_Interval after the last advertisement it
 *   heard, becomes master, and traffic follows once its gratuitous ARP lands (takeoverMs);
 * - a balancer that comes back starts as backup (§6.4.1: only the address owner, priority 255,
 *   starts as master) and claims the address after its own Master_Down_Interval if nobody holds
 *   it, or, with preemption, if the holder is the lower-priority backup (§6.4.2 discards its
 *   advertisements). Preempting moves the address again, so clients see a second takeoverMs gap.
 */
export function vrrpTimeline(spec: ActivePassiveSpec, failures: readonly BalancerFailure[]): Step<VrrpSnapshot>[] {
  parseOrThrow(activePassiveSchema, spec, 'redundancy');
  const downInterval = masterDownIntervalMs(spec);
  const preempt = spec.preempt ?? true;
  const events = effectiveFailures(failures);

  let upMask = BOTH_UP;
  let master: BalancerIndex | null = 0;
  let arpTarget: BalancerIndex = 0;
  let masterSince = 0;
  const upSince = [0, 0];
  const claimAt = [Infinity, Infinity];
  let arpAt = Infinity;
  let arpTo: BalancerIndex = 0;

  const snapshot = (): VrrpSnapshot => ({ upMask, master, arpTarget, serving: master !== null && master === arpTarget ? master : null });
  const steps: Step<VrrpSnapshot>[] = [{ atMs: -Infinity, value: snapshot() }];

  const becomeMaster = (balancer: BalancerIndex, nowMs: number) => {
    claimAt[balancer] = Infinity;
    // The other balancer hears our advertisements and stops waiting, unless it is the primary waiting to preempt us.
    if (!(preempt && balancer === 1)) claimAt[other(balancer)] = Infinity;
    master = balancer;
    masterSince = nowMs;
    arpAt = arpTarget === balancer ? Infinity : nowMs + spec.takeoverMs;
    arpTo = balancer;
  };

  const crash = (balancer: BalancerIndex, nowMs: number) => {
    upMask &= ~(1 << balancer);
    claimAt[balancer] = Infinity;
    if (master !== balancer) return;
    const lastAdvert = masterSince + Math.floor((nowMs - masterSince) / spec.heartbeatIntervalMs) * spec.heartbeatIntervalMs;
    master = null;
    arpAt = Infinity;
    const backup = other(balancer);
    if (isUp(upMask, backup)) claimAt[backup] = Math.min(claimAt[backup]!, Math.max(lastAdvert, upSince[backup]!) + downInterval);
  };

  const recover = (balancer: BalancerIndex, nowMs: number) => {
    upMask |= 1 << balancer;
    upSince[balancer] = nowMs;
    if (master === null || (preempt && balancer === 0)) claimAt[balancer] = nowMs + downInterval;
  };

  let next = 0;
  for (;;) {
    const failureAt = events[next]?.atMs ?? Infinity;
    const timerAt = Math.min(arpAt, claimAt[0]!, claimAt[1]!);
    if (failureAt === Infinity && timerAt === Infinity) break;
    // A failure at the same moment as a timer goes first: a balancer that dies as its timer fires does not claim the address.
    if (failureAt <= timerAt) {
      const failure = events[next++]!;
      if (failure.kind === 'crash') crash(failure.balancer, failureAt);
      else recover(failure.balancer, failureAt);
      pushStep(steps, failureAt, snapshot());
      continue;
    }
    // A claim goes before a gratuitous ARP landing at the same moment, and the primary before the backup (its skew is smaller).
    if (claimAt[0] === timerAt) becomeMaster(0, timerAt);
    else if (claimAt[1] === timerAt) becomeMaster(1, timerAt);
    else {
      arpTarget = arpTo;
      arpAt = Infinity;
    }
    pushStep(steps, timerAt, snapshot());
  }
  return steps;
}
