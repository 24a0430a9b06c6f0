import { describe, expect, it } from 'vitest';
import { ENVOY_PANIC_THRESHOLD_PERCENT, albRoutingSet, envoyRoutingSet, inPanic, priorityLoad } from '@/lib/health/panic';

/** `n` hosts of which the first `healthy` are healthy, as { name, healthy } records. */
const fleet = (n: number, healthy: number) => Array.from({ length: n }, (_, i) => ({ name: `h${i}`, healthy: i < healthy }));
const isHealthy = (host: { healthy: boolean }) => host.healthy;
const percentHealthy = (percent: number) => ({ healthy: percent, total: 100 });

describe('Envoy panic threshold: one level', () => {
  it('defaults to 50%', () => {
    expect(ENVOY_PANIC_THRESHOLD_PERCENT).toBe(50);
  });

  it('panics below the threshold, not at it', () => {
    expect(inPanic(2, 4)).toBe(false);
    expect(inPanic(1, 4)).toBe(true);
    expect(inPanic(7, 10, 75)).toBe(true);
  });

  it('never panics with a 0% threshold, even with no healthy host', () => {
    expect(inPanic(0, 4, 0)).toBe(false);
  });

  it('treats an empty level as 0% healthy', () => {
    expect(inPanic(0, 0)).toBe(true);
  });

  it('balances over only the healthy hosts while at least half are healthy', () => {
    const { hosts, panic } = envoyRoutingSet(fleet(10, 6), isHealthy);
    expect(panic).toBe(false);
    expect(hosts.map((host) => host.name)).toEqual(['h0', 'h1', 'h2', 'h3', 'h4', 'h5']);
  });

  it('balances over every host, healthy or not, in panic', () => {
    const { hosts, panic } = envoyRoutingSet(fleet(10, 3), isHealthy);
    expect(panic).toBe(true);
    expect(hosts).toHaveLength(10);
  });

  it('finds no host (503 no healthy upstream) with panic off and every host down', () => {
    expect(envoyRoutingSet(fleet(4, 0), isHealthy, 0)).toEqual({ hosts: [], panic: false });
  });

  it('ignores a high threshold while the overprovisioned level is still fully available', () => {
    // 75% healthy × 1.4 = 105% ≥ 100%, so a 80% threshold does not trip.
    expect(envoyRoutingSet(fleet(4, 3), isHealthy, 80).panic).toBe(false);
  });
});

describe('Envoy panic threshold across priority levels (P=1 fully healthy)', () => {
  it('keeps all traffic on P=0 while 72% of it is healthy', () => {
    expect(priorityLoad([percentHealthy(72), percentHealthy(100)])).toMatchObject({ load: [100, 0], panic: [false, false] });
  });

  it('sends 1% to P=1 at 71% healthy', () => {
    expect(priorityLoad([percentHealthy(71), percentHealthy(100)]).load).toEqual([99, 1]);
  });

  it('splits 70/30 at 50% healthy', () => {
    expect(priorityLoad([percentHealthy(50), percentHealthy(100)])).toMatchObject({ load: [70, 30], panic: [false, false] });
  });

  it('does not panic P=0 at 25% healthy while P=1 can take the rest', () => {
    expect(priorityLoad([percentHealthy(25), percentHealthy(100)])).toMatchObject({ load: [35, 65], panic: [false, false] });
  });

  it('panics both levels at 25% healthy each and splits 50/50 by host count', () => {
    expect(priorityLoad([percentHealthy(25), percentHealthy(25)])).toEqual({ load: [50, 50], panic: [true, true], normalizedTotalAvailability: 70 });
  });

  it('splits by host count when every level panics', () => {
    expect(priorityLoad([{ healthy: 0, total: 3 }, { healthy: 0, total: 1 }]).load).toEqual([75, 25]);
  });
});

describe('AWS ALB fail-open', () => {
  it('routes to the healthy targets while there are any', () => {
    expect(albRoutingSet(fleet(3, 1), isHealthy)).toEqual({ hosts: [{ name: 'h0', healthy: true }], panic: false });
  });

  it('routes to all targets when every registered target is unhealthy', () => {
    const { hosts, panic } = albRoutingSet(fleet(3, 0), isHealthy);
    expect(panic).toBe(true);
    expect(hosts.map((host) => host.name)).toEqual(['h0', 'h1', 'h2']);
  });

  it('has nothing to route to in an empty target group', () => {
    expect(albRoutingSet(fleet(0, 0), isHealthy)).toEqual({ hosts: [], panic: false });
  });
});
