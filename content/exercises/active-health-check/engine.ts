import { initialCheckState, runCheck, type CheckState } from '@/lib/health/active-check';
import type { CheckConfig, CheckOutcome, ProbeReply } from './types';

/** The exercise's API over the engine's HAProxy check model (lib/health/active-check.ts). */
export class HealthChecker {
  private state: CheckState;

  constructor(private readonly config: CheckConfig) {
    this.state = initialCheckState(config);
  }

  get health(): number {
    return this.state.health;
  }

  get up(): boolean {
    return this.state.up;
  }

  check(startedAt: number, reply: ProbeReply): CheckOutcome {
    const run = runCheck(this.state, startedAt, () => (reply === null ? { kind: 'no-reply' } : { kind: 'reply', ...reply }), this.config);
    this.state = run.state;
    const outcome: CheckOutcome = { ok: run.ok, timedOut: run.timedOut, finishedAt: run.finishedAt, nextCheckAt: run.nextCheckAt, up: run.state.up };
    if (run.transition) outcome.transition = run.transition;
    return outcome;
  }
}
