import { describe, expect, it } from 'vitest';
import {
  ALB_CHECK_DEFAULTS,
  ALB_INITIAL_HEALTH,
  HAPROXY_CHECK_DEFAULTS,
  applyCheckResult,
  initialCheckState,
  nextCheckAt,
  runCheck,
  type ActiveCheckConfig,
  type CheckState,
  type Probe,
} from '@/lib/health/active-check';

// The [RUN] setup from the reference: inter 1 s, rise 2, fall 3.
const run: ActiveCheckConfig = { intervalMs: 1000, timeoutMs: 1000, rise: 2, fall: 3 };

/** Feeds results in order; returns the health after each and any transitions. */
function feed(state: CheckState, results: readonly boolean[], config: ActiveCheckConfig = run) {
  const healths: number[] = [];
  const transitions: (string | undefined)[] = [];
  for (const ok of results) {
    const step = applyCheckResult(state, ok, config);
    state = step.state;
    healths.push(state.health);
    transitions.push(step.transition);
  }
  return { state, healths, transitions };
}

const refused: Probe = () => ({ kind: 'reply', ok: false, latencyMs: 0 });
const answers: Probe = () => ({ kind: 'reply', ok: true, latencyMs: 0 });

describe('HAProxy active checks: the rise/fall counter', () => {
  it('ships HAProxy defaults: inter 2 s (also the timeout), rise 2, fall 3', () => {
    expect(HAPROXY_CHECK_DEFAULTS).toEqual({ intervalMs: 2000, timeoutMs: 2000, rise: 2, fall: 3 });
  });

  it('starts a server UP with health = rise, one failed check from DOWN', () => {
    expect(initialCheckState(run)).toEqual({ health: 2, up: true });
  });

  it('honours init-state: fully-up, down (one success from UP) and fully-down', () => {
    expect(initialCheckState(run, 'fully-up')).toEqual({ health: 4, up: true });
    expect(initialCheckState(run, 'down')).toEqual({ health: 1, up: false });
    expect(initialCheckState(run, 'fully-down')).toEqual({ health: 0, up: false });
  });

  it('marks a fully up server down after three failed checks in a row', () => {
    const { healths, transitions, state } = feed(initialCheckState(run, 'fully-up'), [false, false, false]);
    expect(healths).toEqual([3, 2, 0]);
    expect(transitions).toEqual([undefined, undefined, 'went-down']);
    expect(state.up).toBe(false);
  });

  it('brings a down server back up after two successes in a row, straight to full health', () => {
    const { healths, transitions } = feed(initialCheckState(run, 'fully-down'), [true, true]);
    expect(healths).toEqual([1, 4]);
    expect(transitions).toEqual([undefined, 'went-up']);
  });

  it('forgives one failed check of a fully up server when the next one passes', () => {
    expect(feed(initialCheckState(run, 'fully-up'), [false, true]).healths).toEqual([3, 4]);
  });

  it('sends a recovering server back to 0 when a check fails before it reaches rise', () => {
    expect(feed(initialCheckState(run, 'fully-down'), [true, false]).healths).toEqual([1, 0]);
  });

  it('takes a server that is dead at startup down after its first failed check', () => {
    const step = applyCheckResult(initialCheckState(run), false, run);
    expect(step).toEqual({ state: { health: 0, up: false }, transition: 'went-down' });
  });

  it('rejects rise or fall below 1', () => {
    expect(() => initialCheckState({ ...run, rise: 0 })).toThrow(RangeError);
    expect(() => initialCheckState({ ...run, fall: 1.5 })).toThrow(RangeError);
  });
});

describe('HAProxy active checks: scheduling', () => {
  it('replays the [RUN] timeline: killed at 0 s, DOWN on the third failed check, back UP two checks after restart', () => {
    let state = initialCheckState(run, 'fully-up');
    let at = 300;
    const killed: [number, number][] = [];
    for (let i = 0; i < 3; i++) {
      const check = runCheck(state, at, refused, run);
      state = check.state;
      killed.push([check.finishedAt / 1000, state.health]);
      at = check.nextCheckAt;
    }
    // HAProxy logged health 3 at 0.3 s, 2 at 1.27 s and DOWN/0 at 2.28 s.
    expect(killed.map(([, health]) => health)).toEqual([3, 2, 0]);
    [0.3, 1.27, 2.28].forEach((seconds, i) => expect(killed[i]?.[0]).toBeCloseTo(seconds, 1));

    at = 250;
    const restarted: [number, number][] = [];
    for (let i = 0; i < 2; i++) {
      const check = runCheck(state, at, answers, run);
      state = check.state;
      restarted.push([check.finishedAt / 1000, state.health]);
      at = check.nextCheckAt;
    }
    // HAProxy logged health 1 at 0.25 s and UP/4 at 1.27 s after the restart.
    expect(restarted.map(([, health]) => health)).toEqual([1, 4]);
    [0.25, 1.27].forEach((seconds, i) => expect(restarted[i]?.[0]).toBeCloseTo(seconds, 1));
  });

  it('fails a check that gets no reply, and starts the next one an interval after giving up', () => {
    const check = runCheck(initialCheckState(HAPROXY_CHECK_DEFAULTS, 'fully-up'), 10_000, () => ({ kind: 'no-reply' }), HAPROXY_CHECK_DEFAULTS);
    expect(check).toMatchObject({ ok: false, timedOut: true, finishedAt: 12_000, nextCheckAt: 14_000 });
    expect(check.state.health).toBe(3);
  });

  it('counts a passing reply that arrives after the timeout as a failure', () => {
    const late: Probe = () => ({ kind: 'reply', ok: true, latencyMs: 1500 });
    const check = runCheck(initialCheckState(run), 0, late, run);
    expect(check).toMatchObject({ ok: false, timedOut: true, finishedAt: 1000 });
  });

  it('waits one interval after a check finishes, not after it starts', () => {
    const slow: Probe = () => ({ kind: 'reply', ok: true, latencyMs: 400 });
    expect(runCheck(initialCheckState(run), 0, slow, run).nextCheckAt).toBe(1400);
  });

  it('uses fastinter while a server is in transition and downinter while it is fully down', () => {
    const config: ActiveCheckConfig = { ...run, fastIntervalMs: 200, downIntervalMs: 5000 };
    expect(nextCheckAt(0, { health: 4, up: true }, config)).toBe(1000);
    expect(nextCheckAt(0, { health: 3, up: true }, config)).toBe(200);
    expect(nextCheckAt(0, { health: 1, up: false }, config)).toBe(200);
    expect(nextCheckAt(0, { health: 0, up: false }, config)).toBe(5000);
  });
});

describe('AWS ALB target-group checks on the same counter', () => {
  it('ships ALB defaults: every 30 s, healthy after 5, unhealthy after 2, 5 s timeout', () => {
    expect(ALB_CHECK_DEFAULTS).toEqual({ intervalMs: 30_000, timeoutMs: 5_000, rise: 5, fall: 2 });
  });

  it('makes a new target healthy after one passing check, and unhealthy after two failures', () => {
    const fresh = initialCheckState(ALB_CHECK_DEFAULTS, ALB_INITIAL_HEALTH);
    expect(fresh.up).toBe(false);
    const { transitions } = feed(fresh, [true, false, false], ALB_CHECK_DEFAULTS);
    expect(transitions).toEqual(['went-up', undefined, 'went-down']);
  });

  it('needs five passing checks in a row to bring an unhealthy target back', () => {
    const { transitions } = feed(initialCheckState(ALB_CHECK_DEFAULTS, 'fully-down'), [true, true, true, true, true], ALB_CHECK_DEFAULTS);
    expect(transitions).toEqual([undefined, undefined, undefined, undefined, 'went-up']);
  });
});
