/** One piece of a step function of time: `value` holds from `atMs` until the next step. */
export interface Step<T> {
  readonly atMs: number;
  readonly value: T;
}

/** Appends a step, replacing the last one when both happen at the same moment (the later event wins). */
export function pushStep<T>(steps: Step<T>[], atMs: number, value: T): void {
  if (steps.at(-1)?.atMs === atMs) steps.pop();
  steps.push({ atMs, value });
}

/** Index of the step in force at nowMs: the last one with atMs ≤ nowMs. Steps start at −∞, so there always is one. */
export function stepIndexAt(steps: readonly Step<unknown>[], nowMs: number): number {
  let lo = 0;
  let hi = steps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (steps[mid]!.atMs <= nowMs) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Reads a step function at times that mostly move forward, in O(1) amortised: the per-request
 * path of the simulator. A time earlier than the last one falls back to a binary search.
 */
export function stepCursor<T>(steps: readonly Step<T>[]): (nowMs: number) => T {
  let index = 0;
  return (nowMs) => {
    if (nowMs < steps[index]!.atMs) index = stepIndexAt(steps, nowMs);
    while (index + 1 < steps.length && steps[index + 1]!.atMs <= nowMs) index++;
    return steps[index]!.value;
  };
}
