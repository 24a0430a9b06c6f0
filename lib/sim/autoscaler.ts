import type { AutoscalingSpec } from './scenario';

/** What the group looks like at one evaluation. */
export interface ScalingInput {
  nowMs: number;
  /** Mean busy share (time in service over capacity) of the servers in rotation over the last interval; NaN when none was. */
  utilisation: number;
  /** Servers in rotation now, the ones the utilisation was measured over. */
  inRotation: number;
  /** Servers that belong to the group: in rotation, booting, waiting for checks, or crashed. Draining ones have left. */
  groupSize: number;
  /** Servers still booting or not yet passed by health checks. */
  joining: number;
  /** When the last scaling action happened; −Infinity before the first. */
  lastActionMs: number;
}

export type ScalingDecision = 'scale-out' | 'scale-in' | 'hold';

/**
 * A target-tracking policy modelled on AWS EC2 Auto Scaling target tracking (for example "keep
 * average CPU at 50%"), kept simple enough to watch step by step:
 * - above target: launch one server, if the group is below maxServers and `cooldownMs` has passed
 *   since the last action (AWS launches enough at once to reach the target; one at a time makes each
 *   step visible);
 * - scale in only when removing one server would still leave the rest under target
 *   (u·n/(n−1) < target), nothing is joining, and the cooldown has passed: AWS too scales in
 *   more cautiously than out. The server removed is drained first, so nothing in flight is lost;
 * - at or near target, or with nothing in rotation to measure: hold.
 */
export function decideScaling(input: ScalingInput, spec: AutoscalingSpec): ScalingDecision {
  const { utilisation, inRotation, groupSize, joining } = input;
  if (Number.isNaN(utilisation) || input.nowMs - input.lastActionMs < spec.cooldownMs) return 'hold';
  if (utilisation > spec.targetUtilisation) return groupSize < spec.maxServers ? 'scale-out' : 'hold';
  if (spec.disableScaleIn || joining > 0 || groupSize <= spec.minServers || inRotation < 2) return 'hold';
  return (utilisation * inRotation) / (inRotation - 1) < spec.targetUtilisation ? 'scale-in' : 'hold';
}
