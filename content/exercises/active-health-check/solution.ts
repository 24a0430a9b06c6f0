import type { CheckConfig, CheckOutcome, ProbeReply } from './types';

/** HAProxy's active health check for one server: a health counter with rise/fall hysteresis, on a clock you are given. */
export class HealthChecker {
  private current: number;

  constructor(private readonly config: CheckConfig) {
    for (const key of ['rise', 'fall'] as const) {
      if (!Number.isInteger(config[key]) || config[key] < 1) throw new RangeError(`${key} must be a positive whole number`);
    }
    for (const key of ['intervalMs', 'timeoutMs', 'fastIntervalMs', 'downIntervalMs'] as const) {
      const value = config[key];
      if (value !== undefined && !(value > 0 && Number.isFinite(value))) throw new RangeError(`${key} must be a positive number of ms`);
    }
    this.current = config.rise;
  }

  get health(): number {
    return this.current;
  }

  get up(): boolean {
    return this.current >= this.config.rise;
  }

  check(startedAt: number, reply: ProbeReply): CheckOutcome {
    const { rise, fall, timeoutMs } = this.config;
    const max = rise + fall - 1;
    const timedOut = reply === null || reply.latencyMs > timeoutMs;
    const ok = reply !== null && !timedOut && reply.ok;
    const finishedAt = startedAt + (reply !== null && !timedOut ? reply.latencyMs : timeoutMs);
    const wasUp = this.up;
    if (ok) {
      // Climbing: once it reaches rise it jumps straight to fully up.
      this.current = Math.min(this.current + 1, max);
      if (this.current >= rise) this.current = max;
    } else {
      // Falling: once it drops below rise it goes straight to fully down.
      this.current = Math.max(this.current - 1, 0);
      if (this.current < rise) this.current = 0;
    }
    const outcome: CheckOutcome = { ok, timedOut, finishedAt, nextCheckAt: finishedAt + this.interval(max), up: this.up };
    if (this.up !== wasUp) outcome.transition = this.up ? 'went-up' : 'went-down';
    return outcome;
  }

  /** inter when fully up, downinter when fully down, fastinter in between. */
  private interval(max: number): number {
    const { intervalMs, fastIntervalMs, downIntervalMs } = this.config;
    if (this.current === max) return intervalMs;
    if (this.current === 0) return downIntervalMs ?? intervalMs;
    return fastIntervalMs ?? intervalMs;
  }
}
