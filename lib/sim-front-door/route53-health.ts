import type { Step } from './step-timeline';
import { pushStep } from './step-timeline';

/**
 * Route 53's verdict on one endpoint over time, given when it is actually up. Checks run every
 * intervalMs, at whole multiples of it from time 0; the verdict flips once `threshold` checks in a
 * row disagree with it (Route 53 FailureThreshold, default 3, applies both ways; RequestInterval
 * 30 s or 10 s). A new health check counts as healthy until it has data, so the verdict starts healthy.
 * Route 53 really polls from many checker locations and combines their votes; one checker stands in for them here.
 */
export function route53VerdictSteps(upSteps: readonly Step<boolean>[], intervalMs: number, threshold: number): Step<boolean>[] {
  const verdicts: Step<boolean>[] = [{ atMs: -Infinity, value: true }];
  let healthy = true;
  let streak = 0;
  for (const [i, { atMs, value: up }] of upSteps.entries()) {
    const endMs = upSteps[i + 1]?.atMs ?? Infinity;
    // The checks at k·intervalMs with atMs ≤ k·intervalMs < endMs all see this state.
    const firstCheck = Math.max(0, Math.ceil(atMs / intervalMs));
    const checks = endMs === Infinity ? Infinity : Math.ceil(endMs / intervalMs) - firstCheck;
    if (checks <= 0) continue;
    if (up === healthy) {
      streak = 0;
      continue;
    }
    const needed = threshold - streak;
    if (checks < needed) {
      streak += checks;
      continue;
    }
    healthy = up;
    streak = 0;
    pushStep(verdicts, (firstCheck + needed - 1) * intervalMs, healthy);
  }
  return verdicts;
}
