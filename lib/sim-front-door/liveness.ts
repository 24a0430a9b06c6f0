import type { Step } from './step-timeline';
import { pushStep } from './step-timeline';
import type { BalancerFailure, BalancerIndex } from './types';

/** Bit b of an up-mask is set while balancer b is up. */
export const BOTH_UP = 0b11;

export const isUp = (upMask: number, balancer: BalancerIndex): boolean => ((upMask >> balancer) & 1) === 1;

/** The failures in time order (ties keep their given order), without crashes of a down balancer or recoveries of an up one. */
export function effectiveFailures(failures: readonly BalancerFailure[]): BalancerFailure[] {
  const ordered = failures.map((failure, order) => ({ failure, order })).sort((a, b) => a.failure.atMs - b.failure.atMs || a.order - b.order);
  let upMask = BOTH_UP;
  const effective: BalancerFailure[] = [];
  for (const { failure } of ordered) {
    if (!Number.isFinite(failure.atMs)) throw new RangeError(`a balancer failure needs a finite time; got ${failure.atMs}`);
    if (isUp(upMask, failure.balancer) === (failure.kind === 'recover')) continue;
    upMask ^= 1 << failure.balancer;
    effective.push(failure);
  }
  return effective;
}

/** Which balancers are up over time, as an up-mask; both start up. */
export function livenessSteps(failures: readonly BalancerFailure[]): Step<number>[] {
  const steps: Step<number>[] = [{ atMs: -Infinity, value: BOTH_UP }];
  let upMask = BOTH_UP;
  for (const failure of effectiveFailures(failures)) {
    upMask ^= 1 << failure.balancer;
    pushStep(steps, failure.atMs, upMask);
  }
  return steps;
}

/** The up-mask as one flag per balancer, for drawing. */
export const balancersUp = (upMask: number, count: 1 | 2): boolean[] => Array.from({ length: count }, (_, b) => isUp(upMask, b as BalancerIndex));
