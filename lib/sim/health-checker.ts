import { ALB_INITIAL_HEALTH, initialCheckState, runCheck, type CheckRun, type CheckState } from '@/lib/health/active-check';
import type { HealthCheckSpec } from './scenario';

/** A running server answers a check at once: the probe does not queue behind requests, so only a crash fails it. */
const REPLY_MS = 0;

/** Each server's HAProxy check counter (lib/health/active-check.ts), run against the simulated servers. */
export class HealthChecker {
  private readonly states: CheckState[] = [];

  constructor(readonly config: HealthCheckSpec) {}

  /**
   * Starts tracking server `index`. A server present from the start begins UP but one failure from
   * DOWN (HAProxy's default init-state); one that joins later must pass a check first (ALB's rule
   * for a new target). Returns whether the balancer may use it yet.
   */
  register(index: number, fromTheStart: boolean): boolean {
    const state = fromTheStart ? initialCheckState(this.config) : initialCheckState(this.config, ALB_INITIAL_HEALTH);
    this.states[index] = state;
    return state.up;
  }

  /** Probes server `index` at `startedAt`: a running server replies, a crashed one never does and the check times out. */
  run(index: number, startedAt: number, running: boolean): CheckRun {
    return runCheck(this.states[index]!, startedAt, () => (running ? { kind: 'reply', ok: true, latencyMs: REPLY_MS } : { kind: 'no-reply' }), this.config);
  }

  /** Records what a finished check decided. */
  apply(index: number, run: CheckRun): void {
    this.states[index] = run.state;
  }

  /** When server `index` of `count` has its first check: spread over one interval, as HAProxy spreads its start-up checks. */
  firstCheckAt(index: number, count: number): number {
    return (this.config.intervalMs * index) / count;
  }
}
