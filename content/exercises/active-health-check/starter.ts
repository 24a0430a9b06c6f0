import type { CheckConfig, CheckOutcome, ProbeReply } from './types';

/** HAProxy's active health check for one server: a health counter with rise/fall hysteresis, on a clock you are given. */
export class HealthChecker {
  /** Starts the server as HAProxy does: up, with health = rise. Throws RangeError for a config HAProxy would refuse. */
  constructor(config: CheckConfig) {
    throw new Error('Not implemented');
  }

  /** HAProxy's counter, 0 … rise + fall − 1. The server is up while health ≥ rise. */
  get health(): number {
    throw new Error('Not implemented');
  }

  get up(): boolean {
    throw new Error('Not implemented');
  }

  /** Runs the check that started at `startedAt` and got `reply`, and says when the next one starts. */
  check(startedAt: number, reply: ProbeReply): CheckOutcome {
    throw new Error('Not implemented');
  }
}
