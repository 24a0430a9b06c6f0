import { describe, expect, it } from 'vitest';
import { backendId, type BackendId } from '@/lib/balancers/types';
import {
  ENVOY_OUTLIER_DEFAULTS,
  advanceOutlier,
  createOutlierDetector,
  ejectionAllowed,
  isEjected,
  recordResponse,
  type OutlierEvent,
  type OutlierState,
  type ResponseOutcome,
} from '@/lib/health/outlier-ejection';

const hostIds = (n: number): BackendId[] => Array.from({ length: n }, (_, i) => backendId(`h${i}`));
const [h0, h1, h2] = hostIds(3) as [BackendId, BackendId, BackendId];
const error503: ResponseOutcome = { kind: 'http', status: 503 };

/** Sends `count` responses with the same outcome at `at` ms; returns the state and every event. */
function respond(state: OutlierState, id: BackendId, at: number, count = 5, outcome: ResponseOutcome = error503) {
  const events: OutlierEvent[] = [];
  for (let i = 0; i < count; i++) {
    const step = recordResponse(state, id, outcome, at);
    state = step.state;
    events.push(...step.events);
  }
  return { state, events };
}

const ejectionsIn = (events: readonly OutlierEvent[]) => events.filter((event) => event.kind === 'ejected');

describe('Envoy outlier detection: consecutive 5xx', () => {
  it('ships Envoy defaults: 5 errors, 10 s sweeps, 30 s base, 10% max, 300 s cap', () => {
    expect(ENVOY_OUTLIER_DEFAULTS).toMatchObject({
      consecutive5xx: 5,
      intervalMs: 10_000,
      baseEjectionTimeMs: 30_000,
      maxEjectionPercent: 10,
      maxEjectionTimeMs: 300_000,
    });
  });

  it('ejects a host on its fifth 5xx in a row, not on its fourth', () => {
    let { state } = respond(createOutlierDetector(hostIds(10), 0), h0, 1000, 4);
    expect(isEjected(state, h0)).toBe(false);
    ({ state } = respond(state, h0, 1000, 1));
    expect(isEjected(state, h0)).toBe(true);
  });

  it('starts the count again after a success', () => {
    let { state } = respond(createOutlierDetector(hostIds(10), 0), h0, 1000, 4);
    ({ state } = respond(state, h0, 1000, 1, { kind: 'http', status: 200 }));
    ({ state } = respond(state, h0, 1000, 4));
    expect(isEjected(state, h0)).toBe(false);
  });

  it('counts timeouts and resets as errors, and 4xx as successes', () => {
    const detector = createOutlierDetector(hostIds(10), 0);
    expect(isEjected(respond(detector, h0, 0, 5, { kind: 'local-origin-error', reason: 'timeout' }).state, h0)).toBe(true);
    expect(isEjected(respond(detector, h0, 0, 5, { kind: 'http', status: 404 }).state, h0)).toBe(false);
  });
});

describe('Envoy outlier detection: ejection time', () => {
  it('ejects for 30 s the first time and returns the host at the sweep when its time is up', () => {
    const { state, events } = respond(createOutlierDetector(hostIds(10), 0), h0, 0);
    expect(ejectionsIn(events)).toEqual([{ kind: 'ejected', id: h0, at: 0, durationMs: 30_000, until: 30_000 }]);
    expect(isEjected(advanceOutlier(state, 29_999).state, h0)).toBe(true);
    const back = advanceOutlier(state, 30_000);
    expect(back.events).toEqual([{ kind: 'returned', id: h0, at: 30_000 }]);
    expect(isEjected(back.state, h0)).toBe(false);
  });

  it('ejects for 60 s when the host fails again soon after coming back', () => {
    let { state } = respond(createOutlierDetector(hostIds(10), 0), h0, 0);
    ({ state } = advanceOutlier(state, 30_000));
    const second = respond(state, h0, 35_000);
    expect(ejectionsIn(second.events)).toEqual([{ kind: 'ejected', id: h0, at: 35_000, durationMs: 60_000, until: 95_000 }]);
    // Hosts return only at sweeps (every 10 s), so the host is back at the 100 s sweep, not at 95 s.
    expect(isEjected(advanceOutlier(second.state, 95_000).state, h0)).toBe(true);
    expect(advanceOutlier(second.state, 100_000).events).toEqual([{ kind: 'returned', id: h0, at: 100_000 }]);
  });

  it('caps the ejection time at max_ejection_time, 300 s', () => {
    let state = createOutlierDetector(hostIds(10), 0);
    let now = 0;
    const durations: number[] = [];
    for (let i = 0; i < 12; i++) {
      const step = respond(state, h0, now);
      const [ejection] = ejectionsIn(step.events);
      durations.push(ejection?.kind === 'ejected' ? ejection.durationMs : 0);
      // Jump to the sweep that returns it and fail again before the next sweep can forgive anything.
      now = Math.ceil((now + (ejection?.kind === 'ejected' ? ejection.durationMs : 0)) / 10_000) * 10_000;
      state = advanceOutlier(step.state, now).state;
      now += 1;
    }
    expect(durations.map((ms) => ms / 1000)).toEqual([30, 60, 90, 120, 150, 180, 210, 240, 270, 300, 300, 300]);
  });

  it('shortens the next ejection by one step for every sweep the host stays healthy', () => {
    let { state } = respond(createOutlierDetector(hostIds(10), 0), h0, 0);
    ({ state } = advanceOutlier(state, 30_000));
    ({ state } = respond(state, h0, 35_000));
    expect(state.hosts.get(h0)?.multiplier).toBe(2);
    ({ state } = advanceOutlier(state, 100_000));
    ({ state } = advanceOutlier(state, 110_000));
    expect(state.hosts.get(h0)?.multiplier).toBe(1);
    ({ state } = advanceOutlier(state, 120_000));
    expect(ejectionsIn(respond(state, h0, 125_000).events)[0]).toMatchObject({ durationMs: 30_000 });
  });
});

describe('Envoy outlier detection: max_ejection_percent', () => {
  it('refuses an ejection that would put more than 10% of the hosts out', () => {
    let { state } = respond(createOutlierDetector(hostIds(10), 0), h0, 0);
    const refused = respond(state, h1, 0);
    expect(refused.events).toEqual([{ kind: 'ejection-refused', id: h1, at: 0, ejected: 1, hosts: 10 }]);
    ({ state } = refused);
    expect(isEjected(state, h1)).toBe(false);
  });

  it('allows two ejections out of twenty hosts, but not a third', () => {
    let { state } = respond(createOutlierDetector(hostIds(20), 0), h0, 0);
    ({ state } = respond(state, h1, 0));
    ({ state } = respond(state, h2, 0));
    expect([h0, h1, h2].map((id) => isEjected(state, id))).toEqual([true, true, false]);
  });

  it('always lets one host be ejected, even when one host is more than 10% of the cluster', () => {
    let { state } = respond(createOutlierDetector(hostIds(3), 0), h0, 0);
    ({ state } = respond(state, h1, 0));
    expect([isEjected(state, h0), isEjected(state, h1)]).toEqual([true, false]);
    expect(ejectionAllowed(0, 3, { ...ENVOY_OUTLIER_DEFAULTS, alwaysEjectOneHost: false })).toBe(false);
  });

  it('needs a fresh run of five errors to try again after a refused ejection', () => {
    let { state } = respond(createOutlierDetector(hostIds(10), 0), h0, 0);
    ({ state } = respond(state, h1, 0));
    ({ state } = advanceOutlier(state, 30_000));
    expect(isEjected(respond(state, h1, 31_000, 1).state, h1)).toBe(false);
    expect(isEjected(respond(state, h1, 31_000, 5).state, h1)).toBe(true);
  });

  it('rejects a max_ejection_time shorter than base_ejection_time, as Envoy does', () => {
    expect(() => createOutlierDetector(hostIds(2), 0, { ...ENVOY_OUTLIER_DEFAULTS, maxEjectionTimeMs: 10_000 })).toThrow(RangeError);
  });
});
