import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NAMED_SCENARIOS } from '@/lib/sim/named-scenarios';
import { validateScenario } from '@/lib/sim/scenario';
import { createSimulation, type Snapshot } from '@/lib/sim/simulator';
import { metricsOf, scenarioOf } from './fixtures';
import type { MetricsSummary } from '@/lib/sim/metrics';


/** A snapshot of one variant taken at `atMs`. */
const snapshotAt = (id: string, variant: number, atMs: number): Snapshot => createSimulation(scenarioOf(id, variant)).step(atMs);

const busiestShare = (metrics: MetricsSummary) => Math.max(...metrics.servers.map((server) => server.served)) / metrics.served;

describe('the named scenario catalogue', () => {
  it('has unique kebab-case ids', () => {
    const ids = NAMED_SCENARIOS.map((named) => named.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it.each(NAMED_SCENARIOS.map((named) => [named.id, named] as const))('%s belongs to an existing lesson and says what to watch for', (_, named) => {
    expect(existsSync(path.join('content', 'lessons', `${named.lessonSlug}.mdx`))).toBe(true);
    expect(named.title.length).toBeGreaterThan(0);
    expect(named.oneLine.length).toBeGreaterThan(20);
  });

  it.each(NAMED_SCENARIOS.map((named) => [named.id, named] as const))('%s validates, and its variants differ only on the same seed', (_, named) => {
    for (const { scenario } of named.variants) {
      expect(validateScenario(structuredClone(scenario))).toEqual({ ok: true, scenario });
      // Small enough to run headless in well under a second.
      const arrivals = scenario.durationMs! * (scenario.arrivals.ratePerSecond / 1000) * (scenario.arrivals.pattern === 'spike' ? scenario.arrivals.spikeMultiplier : 1);
      expect(arrivals).toBeLessThan(400_000);
    }
    if (named.variants.length === 2) {
      const [first, second] = named.variants;
      expect(second.scenario.seed).toBe(first.scenario.seed);
      expect(second.scenario).not.toEqual(first.scenario);
      expect(second.label).not.toBe(first.label);
    }
  });
});

describe('each named scenario makes its point', () => {
  it('round-robin-uneven-costs: least connections cuts the p99 that round robin leaves to slow requests by more than half', () => {
    expect(metricsOf('round-robin-uneven-costs', 1).latencyMs.p99).toBeLessThan(metricsOf('round-robin-uneven-costs', 0).latencyMs.p99 / 2);
  });

  it('weighted-servers-different-sizes: round robin saturates the small server; weights keep all three equally busy', () => {
    const [a, , c] = metricsOf('weighted-servers-different-sizes', 0).servers;
    expect(c!.utilisation).toBeGreaterThan(0.95);
    expect(a!.utilisation).toBeLessThan(0.5);
    const weighted = metricsOf('weighted-servers-different-sizes', 1).servers.map((server) => server.utilisation);
    expect(Math.max(...weighted) - Math.min(...weighted)).toBeLessThan(0.05);
    expect(metricsOf('weighted-servers-different-sizes', 1).latencyMs.p99).toBeLessThan(metricsOf('weighted-servers-different-sizes', 0).latencyMs.p99 / 2);
  });

  it('websockets-least-connections: open connections spread max/min above 2 under round robin, below 1.1 under least connections', () => {
    const spread = (variant: number) => {
      const open = snapshotAt('websockets-least-connections', variant, 45_000).servers.map((server) => server.openConnections);
      return Math.max(...open) / Math.min(...open);
    };
    expect(spread(0)).toBeGreaterThan(2);
    expect(spread(1)).toBeLessThan(1.1);
  });

  it('ip-hash-corporate-nat: IP hash puts over 90% of the office on one server; cookies spread it under 30% each', () => {
    expect(busiestShare(metricsOf('ip-hash-corporate-nat', 0))).toBeGreaterThan(0.9);
    expect(busiestShare(metricsOf('ip-hash-corporate-nat', 1))).toBeLessThan(0.3);
  });

  it('mobile-user-changes-network: IP hash logs phone users out hundreds of times; the cookie never does', () => {
    expect(metricsOf('mobile-user-changes-network', 0).sessionsLost).toBeGreaterThan(300);
    expect(metricsOf('mobile-user-changes-network', 1).sessionsLost).toBe(0);
  });

  it('crash-with-sticky-sessions: the crash logs out b’s users (about a quarter of 400) with sessions in memory, nobody with a shared store', () => {
    expect(metricsOf('crash-with-sticky-sessions', 0).sessionsLost).toBeGreaterThan(60);
    expect(metricsOf('crash-with-sticky-sessions', 1).sessionsLost).toBe(0);
  });

  it('consistent-hashing-add-server: hash mod N remaps over 60% of clients, consistent hashing under 35%', () => {
    expect(metricsOf('consistent-hashing-add-server', 0).remappedShare).toBeGreaterThan(0.6);
    expect(metricsOf('consistent-hashing-add-server', 1).remappedShare).toBeLessThan(0.35);
  });

  it('flapping-server-health-checks: rise 5 fails fewer than half the requests rise 1 does, and keeps b out', () => {
    expect(metricsOf('flapping-server-health-checks', 1).failed).toBeLessThan(metricsOf('flapping-server-health-checks', 0).failed / 2);
    // b is up again from 50 s to 53 s, but five good checks take longer than the 3 s it stays up.
    expect(snapshotAt('flapping-server-health-checks', 1, 52_900).servers[1]).toMatchObject({ state: 'up', checkedHealthy: false });
    expect(snapshotAt('flapping-server-health-checks', 0, 52_900).servers[1]).toMatchObject({ state: 'up', checkedHealthy: true });
  });

  it('black-friday-autoscaling: reactive scaling drops over 20% while servers boot; scaling out before the sale drops nothing', () => {
    const reactive = metricsOf('black-friday-autoscaling', 0);
    expect(reactive.dropped / reactive.arrived).toBeGreaterThan(0.2);
    expect(reactive.servers.length).toBeGreaterThan(8);
    expect(metricsOf('black-friday-autoscaling', 1).dropped).toBe(0);
  });
});

describe('balancer-failover', () => {
  it('loses about 3.5 s of traffic with a floating IP, and far more behind DNS round robin', () => {
    const floating = metricsOf('balancer-failover', 0);
    const dns = metricsOf('balancer-failover', 1);
    // 400 requests a second for 3 missed 1 s heartbeats plus 0.5 s of ARP: about 1,400.
    expect(floating.unreachable).toBeGreaterThan(1_200);
    expect(floating.unreachable).toBeLessThan(1_600);
    expect(dns.unreachable).toBeGreaterThan(5 * floating.unreachable);
    expect(floating.failed + floating.dropped).toBe(0);
    expect(floating.arrived).toBe(floating.served + floating.unreachable);
  });

  it('counts nothing unreachable when the scenario has no balancer tier', () => {
    expect(metricsOf('round-robin-uneven-costs', 0).unreachable).toBe(0);
  });
});

describe('layer7-canary', () => {
  it('sends the canary 10% of /api traffic, 6% of all requests, and static files to their own servers', () => {
    const healthy = metricsOf('layer7-canary', 0);
    const share = (index: number) => healthy.servers[index]!.served / healthy.served;
    expect(share(6)).toBeGreaterThan(0.05);
    expect(share(6)).toBeLessThan(0.07);
    expect(share(0) + share(1)).toBeGreaterThan(0.38);
    expect(share(0) + share(1)).toBeLessThan(0.42);
    expect(healthy.dropped + healthy.failed).toBe(0);
  });

  it('loses only the canary’s share when the canary dies', () => {
    const broken = metricsOf('layer7-canary', 1);
    // 6% of the 40 s after the crash is 4% of the run.
    const lost = (broken.dropped + broken.failed) / broken.arrived;
    expect(lost).toBeGreaterThan(0.03);
    expect(lost).toBeLessThan(0.05);
    expect(broken.noBackend).toBe(broken.dropped);
  });
});
