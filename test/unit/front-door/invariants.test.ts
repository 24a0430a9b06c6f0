import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFrontDoor } from '@/lib/sim-front-door/front-door';
import { worstCaseOutageMs } from '@/lib/sim-front-door/outage';
import type { ActivePassiveSpec, BalancerFailure, DnsRoundRobinSpec } from '@/lib/sim-front-door/types';
import { masterDownIntervalMs } from '@/lib/sim-front-door/vrrp';
import { seededRandom } from '@/lib/random/seeded';

const SEED = 20_260_821;
const failureArb: fc.Arbitrary<BalancerFailure> = fc.record({
  atMs: fc.integer({ min: 0, max: 120_000 }),
  balancer: fc.constantFrom(0 as const, 1 as const),
  kind: fc.constantFrom('crash' as const, 'recover' as const),
});
const failuresArb = fc.array(failureArb, { maxLength: 12 });
const lastEventMs = (failures: readonly BalancerFailure[]) => Math.max(0, ...failures.map((failure) => failure.atMs));
const anyUp = (balancerUp: readonly boolean[]) => balancerUp.some(Boolean);

describe('active-passive, whatever the failures', () => {
  const specArb: fc.Arbitrary<ActivePassiveSpec> = fc.record({
    mode: fc.constant('active-passive' as const),
    heartbeatIntervalMs: fc.integer({ min: 100, max: 2_000 }),
    missedHeartbeats: fc.integer({ min: 1, max: 5 }),
    takeoverMs: fc.integer({ min: 0, max: 2_000 }),
    skewMs: fc.integer({ min: 0, max: 1_000 }),
    preempt: fc.boolean(),
  });

  it('only ever serves from a balancer that is up, and settles within Master_Down_Interval + takeover of the last event', () => {
    fc.assert(
      fc.property(specArb, failuresArb, (spec, failures) => {
        const door = createFrontDoor(spec, failures, 1, seededRandom(1));
        for (let t = 0; t <= 130_000; t += 250) {
          const state = door.state(t);
          if (state.mode !== 'active-passive') throw new Error('wrong mode');
          if (state.serving !== null) expect(state.balancerUp[state.serving]).toBe(true);
          expect(door.admit(0, t)).toBe(state.serving !== null);
        }
        const settled = lastEventMs(failures) + masterDownIntervalMs(spec) + spec.takeoverMs;
        const state = door.state(settled);
        expect(state.mode === 'active-passive' && state.serving !== null).toBe(anyUp(state.balancerUp));
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('gets every request through once the worst-case figure has passed after a lone primary crash, unless a preempting primary is taking the address back', () => {
    fc.assert(
      fc.property(specArb, fc.integer({ min: 0, max: 60_000 }), fc.option(fc.integer({ min: 1, max: 20_000 }), { nil: undefined }), (spec, crashAt, downForMs) => {
        const failures: BalancerFailure[] = [{ atMs: crashAt, balancer: 0, kind: 'crash' }];
        if (downForMs !== undefined) failures.push({ atMs: crashAt + downForMs, balancer: 0, kind: 'recover' });
        const door = createFrontDoor(spec, failures, 1, seededRandom(1));
        const end = crashAt + worstCaseOutageMs(spec, { balancer: 0, downForMs });
        const preemptingAt = downForMs === undefined || !spec.preempt ? Infinity : crashAt + downForMs + masterDownIntervalMs(spec);
        expect(door.admit(0, end) || (end >= preemptingAt && end < preemptingAt + spec.takeoverMs)).toBe(true);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('round-robin DNS, whatever the failures', () => {
  const specArb: fc.Arbitrary<DnsRoundRobinSpec> = fc.record({
    mode: fc.constant('dns-round-robin' as const),
    ttlMs: fc.integer({ min: 0, max: 60_000 }),
    healthCheckIntervalMs: fc.integer({ min: 1_000, max: 30_000 }),
    failuresToRemove: fc.integer({ min: 1, max: 5 }),
    ignoreTtlShare: fc.constantFrom(0, 0.2),
    pinnedForMs: fc.integer({ min: 0, max: 120_000 }),
  });

  it('gets every client through once DNS and the caches have caught up, if any balancer is up', () => {
    fc.assert(
      fc.property(specArb, failuresArb, fc.nat(), (spec, failures, seed) => {
        const clients = 20;
        const door = createFrontDoor(spec, failures, clients, seededRandom(seed));
        for (let t = 0; t <= 130_000; t += 1_000) for (let client = 0; client < clients; client++) door.admit(client, t);
        const settled = lastEventMs(failures) + spec.failuresToRemove * spec.healthCheckIntervalMs + Math.max(spec.ttlMs, spec.pinnedForMs!) + spec.healthCheckIntervalMs;
        const up = anyUp(door.state(settled).balancerUp);
        for (let client = 0; client < clients; client++) expect(door.admit(client, settled)).toBe(up);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});
