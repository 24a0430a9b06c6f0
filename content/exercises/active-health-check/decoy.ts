import type { CheckConfig, CheckOutcome, ProbeReply } from './types';

/** Plausible but wrong: counts failures and successes in a row, starts fully up, and always waits intervalMs. */
export class HealthChecker {
  private isUp = true;
  private failures = 0;
  private successes = 0;

  constructor(private readonly config: CheckConfig) {}

  get health(): number {
    return this.isUp ? this.config.rise + this.config.fall - 1 - this.failures : this.successes;
  }

  get up(): boolean {
    return this.isUp;
  }

  check(startedAt: number, reply: ProbeReply): CheckOutcome {
    const timedOut = reply === null || reply.latencyMs > this.config.timeoutMs;
    const ok = reply !== null && !timedOut && reply.ok;
    const finishedAt = startedAt + (reply !== null && !timedOut ? reply.latencyMs : this.config.timeoutMs);
    const wasUp = this.isUp;
    if (ok) {
      this.failures = 0;
      this.successes++;
      if (!this.isUp && this.successes >= this.config.rise) this.isUp = true;
    } else {
      this.successes = 0;
      this.failures++;
      if (this.isUp && this.failures >= this.config.fall) this.isUp = false;
    }
    const outcome: CheckOutcome = { ok, timedOut, finishedAt, nextCheckAt: finishedAt + this.config.intervalMs, up: this.isUp };
    if (this.isUp !== wasUp) outcome.transition = this.isUp ? 'went-up' : 'went-down';
    return outcome;
  }
}
