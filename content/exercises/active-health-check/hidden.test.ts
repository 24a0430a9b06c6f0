import { expect, test } from '@/lib/grading/test-api';
import { HealthChecker } from './solution';
import type { CheckConfig, ProbeReply } from './types';

const CONFIG: CheckConfig = { intervalMs: 2000, timeoutMs: 1000, rise: 2, fall: 3 };
const pass: ProbeReply = { ok: true, latencyMs: 10 };
const fail: ProbeReply = { ok: false, latencyMs: 10 };
/** The health counter after each of these checks, run 3 s apart. */
function healthAfter(checker: HealthChecker, replies: ProbeReply[]): number[] {
  return replies.map((reply, i) => {
    checker.check(i * 3000, reply);
    return checker.health;
  });
}

test('starts up but one failure from down, so the first failed check takes it down', () => {
  const checker = new HealthChecker(CONFIG);
  expect([checker.health, checker.up]).toEqual([2, true]);
  const outcome = checker.check(0, fail);
  expect([outcome.up, outcome.transition, checker.health]).toEqual([false, 'went-down', 0]);
}, { checks: 'the starting state and the first failed check' });

test('the counter climbs to rise, then jumps to fully up', () => {
  const checker = new HealthChecker(CONFIG);
  checker.check(0, fail);
  expect(healthAfter(checker, [pass, pass, pass])).toEqual([1, 4, 4]);
}, { checks: 'how the health counter climbs while checks pass' });

test('the counter falls one per failure while up, then drops straight to zero', () => {
  const checker = new HealthChecker(CONFIG);
  expect(healthAfter(checker, [pass, fail, fail, fail])).toEqual([4, 3, 2, 0]);
}, { checks: 'how the health counter falls while checks fail' });

test('a pass between failures resets the countdown', () => {
  const checker = new HealthChecker(CONFIG);
  checker.check(0, pass);
  const ups = [fail, fail, pass, fail, fail].map((reply, i) => checker.check(3000 * (i + 1), reply).up);
  expect(ups).toEqual([true, true, true, true, true]);
  expect(checker.health).toBe(2);
}, { checks: 'a passing check in the middle of failures' });

test('uses fastinter between fully up and fully down, and downinter when fully down', () => {
  const checker = new HealthChecker({ ...CONFIG, fastIntervalMs: 500, downIntervalMs: 10_000 });
  const gaps = [pass, fail, fail, fail, pass, pass].map((reply, i) => {
    const outcome = checker.check(i * 20_000, reply);
    return outcome.nextCheckAt - outcome.finishedAt;
  });
  expect(gaps).toEqual([2000, 500, 500, 10_000, 500, 2000]);
}, { checks: 'which check interval applies in each state' });

test('the smallest rise and fall follow every single result', () => {
  const checker = new HealthChecker({ ...CONFIG, rise: 1, fall: 1 });
  expect([fail, pass, fail, pass].map((reply, i) => checker.check(i * 3000, reply).transition)).toEqual(['went-down', 'went-up', 'went-down', 'went-up']);
}, { checks: 'the smallest rise and fall settings' });

test('refuses settings HAProxy would refuse', () => {
  expect(() => new HealthChecker({ ...CONFIG, rise: 0 })).toThrow(RangeError);
  expect(() => new HealthChecker({ ...CONFIG, fall: 1.5 })).toThrow(RangeError);
  expect(() => new HealthChecker({ ...CONFIG, intervalMs: 0 })).toThrow(RangeError);
}, { checks: 'settings that must be refused' });
