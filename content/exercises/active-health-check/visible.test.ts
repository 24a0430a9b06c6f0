import { expect, test } from '@/lib/grading/test-api';
import { HealthChecker } from './solution';
import type { CheckConfig, CheckOutcome, ProbeReply } from './types';

const CONFIG: CheckConfig = { intervalMs: 2000, timeoutMs: 1000, rise: 2, fall: 3 };
const pass: ProbeReply = { ok: true, latencyMs: 10 };
const fail: ProbeReply = { ok: false, latencyMs: 10 };

/** Runs checks back to back on a fake clock: each starts when the previous outcome says. */
function runChecks(checker: HealthChecker, replies: ProbeReply[], start = 0): CheckOutcome[] {
  const outcomes: CheckOutcome[] = [];
  let now = start;
  for (const reply of replies) {
    const outcome = checker.check(now, reply);
    outcomes.push(outcome);
    now = outcome.nextCheckAt;
  }
  return outcomes;
}

test('a fully up server goes down on the third failed check in a row (fall = 3)', () => {
  const outcomes = runChecks(new HealthChecker(CONFIG), [pass, fail, fail, fail]);
  expect(outcomes.map((o) => o.up)).toEqual([true, true, true, false]);
  expect(outcomes[3]!.transition).toBe('went-down');
});

test('a down server comes back on the second passing check in a row (rise = 2)', () => {
  const checker = new HealthChecker(CONFIG);
  runChecks(checker, [pass, fail, fail, fail]);
  const outcomes = runChecks(checker, [pass, pass]);
  expect(outcomes.map((o) => o.transition)).toEqual([undefined, 'went-up']);
  expect(checker.up).toBe(true);
});

test('the next check starts one interval after this one finished', () => {
  const outcome = new HealthChecker(CONFIG).check(5000, { ok: true, latencyMs: 40 });
  expect([outcome.finishedAt, outcome.nextCheckAt]).toEqual([5040, 7040]);
});

test('a passing reply that arrives after the timeout is a failure that ends at the timeout', () => {
  const checker = new HealthChecker(CONFIG);
  checker.check(0, pass);
  expect(checker.check(2010, { ok: true, latencyMs: 1500 })).toEqual({ ok: false, timedOut: true, finishedAt: 3010, nextCheckAt: 5010, up: true });
});

test('no reply at all times out too', () => {
  const checker = new HealthChecker(CONFIG);
  checker.check(0, pass);
  const outcome = checker.check(2010, null);
  expect([outcome.ok, outcome.timedOut, outcome.finishedAt, outcome.up]).toEqual([false, true, 3010, true]);
});
