import type { Random } from '@/lib/random/seeded';
import { assertClient } from './client-index';
import { createDnsRoundRobinFrontDoor } from './dns-round-robin';
import { balancersUp, isUp, livenessSteps } from './liveness';
import { stepCursor, stepIndexAt } from './step-timeline';
import type { ActivePassiveSpec, BalancerFailure, FrontDoor, FrontDoorSpec } from './types';
import { vrrpTimeline } from './vrrp';

/** One balancer: requests fail exactly while it is down. Failures of balancer 1 do not exist here and are ignored. */
function createSingleFrontDoor(failures: readonly BalancerFailure[], clientCount: number): FrontDoor {
  const steps = livenessSteps(failures.filter((failure) => failure.balancer === 0));
  const upMaskAt = stepCursor(steps);
  return {
    admit(client, nowMs) {
      assertClient(client, clientCount);
      return isUp(upMaskAt(nowMs), 0);
    },
    state(nowMs) {
      const upMask = steps[stepIndexAt(steps, nowMs)]!.value;
      return { mode: 'single', balancerUp: balancersUp(upMask, 1), serving: isUp(upMask, 0) ? 0 : null };
    },
  };
}

/** A keepalived/VRRP pair: every client follows the floating IP, so all of them see the same gap. */
function createActivePassiveFrontDoor(spec: ActivePassiveSpec, failures: readonly BalancerFailure[], clientCount: number): FrontDoor {
  const steps = vrrpTimeline(spec, failures);
  const snapshotAt = stepCursor(steps);
  return {
    admit(client, nowMs) {
      assertClient(client, clientCount);
      return snapshotAt(nowMs).serving !== null;
    },
    state(nowMs) {
      const { upMask, master, arpTarget, serving } = steps[stepIndexAt(steps, nowMs)]!.value;
      return { mode: 'active-passive', balancerUp: balancersUp(upMask, 2), vipHolder: master, arpTarget, serving };
    },
  };
}

/**
 * The balancer tier in front of the backends, deterministic for a given seed: `admit` says whether
 * one client's request gets through it at a moment, `state` what to draw. Failures may come in any
 * order; a crash of a down balancer or a recovery of an up one is ignored.
 */
export function createFrontDoor(spec: FrontDoorSpec, failures: readonly BalancerFailure[], clientCount: number, random: Random): FrontDoor {
  if (!Number.isInteger(clientCount) || clientCount < 0) throw new RangeError(`clientCount must be a whole number; got ${clientCount}`);
  switch (spec.mode) {
    case 'single':
      return createSingleFrontDoor(failures, clientCount);
    case 'active-passive':
      return createActivePassiveFrontDoor(spec, failures, clientCount);
    case 'dns-round-robin':
      return createDnsRoundRobinFrontDoor(spec, failures, clientCount, random);
  }
}
