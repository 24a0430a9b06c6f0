import { describe, expect, it } from 'vitest';
import { createFrontDoor } from '@/lib/sim-front-door/front-door';
import { worstCaseOutageMs } from '@/lib/sim-front-door/outage';
import type { ActivePassiveSpec, BalancerFailure, DnsRoundRobinSpec, FrontDoorSpec } from '@/lib/sim-front-door/types';
import { vrrpSkewMs } from '@/lib/sim-front-door/vrrp';
import { seededRandom } from '@/lib/random/seeded';
import { observeCrowd, type CrowdOptions } from './observe';

const pair: ActivePassiveSpec = { mode: 'active-passive', heartbeatIntervalMs: 1000, missedHeartbeats: 3, takeoverMs: 500 };
const dns: DnsRoundRobinSpec = { mode: 'dns-round-robin', ttlMs: 60_000, healthCheckIntervalMs: 10_000, failuresToRemove: 3 };

/** The longest run of failures any simulated client saw. */
function simulatedOutageMs(spec: FrontDoorSpec, failures: BalancerFailure[], crowd: CrowdOptions): number {
  const door = createFrontDoor(spec, failures, crowd.clients, seededRandom(3));
  return observeCrowd(door, crowd).longestRunMs;
}

describe('worst-case outage figures', () => {
  it.each([
    ['single, down 30 s', 30_000, { mode: 'single' } as const, { balancer: 0 as const, downForMs: 30_000 }],
    ['active-passive, 3 × 1 s heartbeats + 0.5 s takeover', 3_500, pair, { balancer: 0 as const }],
    ['active-passive with keepalived priority-100 skew', 4_109.375, { ...pair, skewMs: vrrpSkewMs(100, 1000) }, { balancer: 0 as const }],
    ['active-passive, primary back after 0.2 s and preempting', 3_200, pair, { balancer: 0 as const, downForMs: 200 }],
    ['active-passive, primary back after 0.2 s, nopreempt', 3_500, { ...pair, preempt: false }, { balancer: 0 as const, downForMs: 200 }],
    ['active-passive, the backup dies', 0, pair, { balancer: 1 as const }],
    ['DNS, 3 × 10 s checks + 60 s TTL', 90_000, dns, { balancer: 0 as const }],
    ['DNS, balancer back after 40 s', 40_000, dns, { balancer: 1 as const, downForMs: 40_000 }],
    ['DNS with TTL-ignoring clients (30 min)', 1_830_000, { ...dns, ignoreTtlShare: 0.05 }, { balancer: 0 as const }],
    ['DNS, 30 s default Route 53 checks, TTL 300 s', 390_000, { ...dns, healthCheckIntervalMs: 30_000, ttlMs: 300_000 }, { balancer: 0 as const }],
  ])('%s: %d ms', (_name, expected, spec, outage) => {
    expect(worstCaseOutageMs(spec, outage)).toBe(expected);
  });
});

describe('the worst-case figure against simulated clients', () => {
  // 2,000 clients, one request each per 100 ms: a run's first and last failed requests each land within one request of its ends.
  const crowd = (untilMs: number, spreadMs = 0): CrowdOptions => ({ clients: 2_000, spacingMs: 100, spreadMs, untilMs });

  it('single: failures end when the balancer comes back', () => {
    const failures: BalancerFailure[] = [
      { atMs: 10_000, balancer: 0, kind: 'crash' },
      { atMs: 40_000, balancer: 0, kind: 'recover' },
    ];
    const seen = simulatedOutageMs({ mode: 'single' }, failures, crowd(45_000));
    expect(seen).toBeLessThan(worstCaseOutageMs({ mode: 'single' }, { balancer: 0, downForMs: 30_000 }));
    expect(seen).toBeGreaterThanOrEqual(30_000 - 200);
  });

  it.each([
    ['plain', pair, undefined],
    ['with skew', { ...pair, skewMs: vrrpSkewMs(100, 1000) }, undefined],
    ['primary back after 0.2 s', pair, 200],
  ])('active-passive (%s): every client fails until the figure, for a crash just after a heartbeat', (_name, spec, downForMs) => {
    const failures: BalancerFailure[] = [{ atMs: 10_000, balancer: 0, kind: 'crash' }];
    if (downForMs !== undefined) failures.push({ atMs: 10_000 + downForMs, balancer: 0, kind: 'recover' });
    const worst = worstCaseOutageMs(spec, { balancer: 0, downForMs });
    const seen = simulatedOutageMs(spec, failures, crowd(20_000));
    expect(seen).toBeLessThan(worst);
    expect(seen).toBeGreaterThanOrEqual(worst - 200);
  });

  it('DNS: a client that held the dead address since the crash and resolves it again just before the third failed check fails for detection + TTL, about 90 s', () => {
    // After two TTLs of warm-up, a crash 1 ms after a check is the worst phase: the checks at 130, 140 and 150 s fail and DNS drops the address at 150 s.
    const failures: BalancerFailure[] = [{ atMs: 120_001, balancer: 0, kind: 'crash' }];
    const worst = worstCaseOutageMs(dns, { balancer: 0 });
    const seen = simulatedOutageMs(dns, failures, { ...crowd(220_000, dns.ttlMs), sendChance: 0.5 });
    expect(seen).toBeLessThan(worst);
    expect(seen).toBeGreaterThanOrEqual(worst - 1_000);
  });

  it('DNS: clients that ignore the TTL stretch the outage to detection + their pinning time', () => {
    const pinned = { ...dns, ttlMs: 5_000, ignoreTtlShare: 0.25, pinnedForMs: 60_000 };
    const failures: BalancerFailure[] = [{ atMs: 120_001, balancer: 0, kind: 'crash' }];
    const worst = worstCaseOutageMs(pinned, { balancer: 0 });
    expect(worst).toBe(90_000);
    const seen = simulatedOutageMs(pinned, failures, { ...crowd(220_000, pinned.pinnedForMs), clients: 4_000, sendChance: 0.5 });
    expect(seen).toBeLessThan(worst);
    expect(seen).toBeGreaterThanOrEqual(worst - 1_000);
  });
});
