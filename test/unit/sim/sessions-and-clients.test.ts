import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/random/seeded';
import { isMobileClient, MobileAddresses } from '@/lib/sim/clients';
import { defineScenario, type Scenario } from '@/lib/sim/scenario';
import { createSimulation, runSimulation, type RouteDecision } from '@/lib/sim/simulator';
import { servers } from './fixtures';

// Four servers, 40 clients, 100 req/s of 10 ms requests: a light load, so nothing is ever full.
const base: Scenario = {
  seed: 5,
  algorithm: 'round-robin',
  servers: servers(4, { weight: 1, capacity: 4 }),
  arrivals: { pattern: 'poisson', ratePerSecond: 100 },
  cost: { distribution: 'constant', meanMs: 10 },
  durationMs: 20_000,
  clients: { count: 40 },
};

const firstOctets = (ip: string) => ip.split('.').slice(0, 3).join('.');

describe('sessions in server memory', () => {
  it('are lost whenever round robin sends a client somewhere else', () => {
    const metrics = runSimulation(defineScenario({ ...base, sessions: { store: 'server' } }));
    // Each request lands on one of four servers in turn: about three in four find no session.
    expect(metrics.sessionsLost / metrics.arrived).toBeGreaterThan(0.6);
  });

  it('are never lost under cookie stickiness while every server stays up', () => {
    expect(runSimulation(defineScenario({ ...base, sessions: { store: 'server' }, stickiness: { mode: 'cookie', redispatch: false } })).sessionsLost).toBe(0);
  });

  it('die with their server: each client pinned to it is logged out once, when it next arrives', () => {
    const scenario: Scenario = { ...base, sessions: { store: 'server' }, stickiness: { mode: 'cookie', redispatch: false }, failures: [{ atMs: 10_000, server: 2, kind: 'crash' }] };
    const pinnedToC = new Set<string>();
    runSimulation(defineScenario({ ...scenario, failures: [] }), { onRoute: (decision) => void (decision.atMs < 10_000 && decision.server === 'c' && pinnedToC.add(decision.sessionKey)) });
    expect(runSimulation(defineScenario(scenario)).sessionsLost).toBe(pinnedToC.size);
  });

  it('also die when a server crashes and comes back: its memory was wiped', () => {
    const scenario: Scenario = {
      ...base,
      sessions: { store: 'server' },
      stickiness: { mode: 'cookie', redispatch: false },
      failures: [
        { atMs: 10_000, server: 2, kind: 'crash' },
        { atMs: 10_000.5, server: 2, kind: 'recover' },
      ],
    };
    expect(runSimulation(defineScenario(scenario)).sessionsLost).toBeGreaterThan(0);
  });
});

describe('a shared session store', () => {
  it('never loses a session, whatever the balancer does', () => {
    expect(runSimulation(defineScenario({ ...base, sessions: { store: 'shared' }, failures: [{ atMs: 10_000, server: 2, kind: 'crash' }] })).sessionsLost).toBe(0);
  });

  it('adds its lookup time to every request', () => {
    const metrics = runSimulation(defineScenario({ ...base, sessions: { store: 'shared', lookupMs: 2 } }));
    expect(metrics.latencyMs.mean).toBeCloseTo(12, 1);
  });
});

describe('cookie stickiness', () => {
  it('keeps each client on the server the balancer first chose', () => {
    const serversOf = new Map<string, Set<string>>();
    runSimulation(defineScenario({ ...base, stickiness: { mode: 'cookie', redispatch: false } }), { onRoute: (d) => void serversOf.set(d.sessionKey, (serversOf.get(d.sessionKey) ?? new Set()).add(d.server!)) });
    expect([...serversOf.values()].every((set) => set.size === 1)).toBe(true);
  });

  it('with checks lagging a crash, fails pinned requests without redispatch and moves them with it', () => {
    const scenario: Scenario = {
      ...base,
      stickiness: { mode: 'cookie', redispatch: false },
      healthCheck: { intervalMs: 2_000, timeoutMs: 500, rise: 2, fall: 3 },
      failures: [{ atMs: 10_000, server: 2, kind: 'crash' }],
    };
    const without = runSimulation(defineScenario(scenario));
    const withRedispatch = runSimulation(defineScenario({ ...scenario, stickiness: { mode: 'cookie', redispatch: true } }));
    expect(without.failed).toBeGreaterThan(20);
    // With redispatch only what c held at the crash is lost; the rest are sent elsewhere.
    expect(withRedispatch.failed).toBeLessThan(5);
  });
});

describe('mobile clients', () => {
  it('marks about mobileShare of the clients as phones, spread through them', () => {
    const phones = Array.from({ length: 1_000 }, (_, index) => isMobileClient(index, 0.3)).filter(Boolean).length;
    expect(phones).toBe(300);
  });

  it('gives a phone a new /24 every addressChangeEveryMs, the same for the same seed', () => {
    const addresses = (seed: number) => {
      const mobile = new MobileAddresses(10, 1, 1_000, seededRandom(seed));
      return Array.from({ length: 6 }, (_, step) => mobile.addressAt(3, step * 1_000));
    };
    const walk = addresses(1);
    walk.slice(1).forEach((address, step) => expect(firstOctets(address!)).not.toBe(firstOctets(walk[step]!)));
    expect(addresses(1)).toEqual(walk);
    expect(addresses(2)).not.toEqual(walk);
  });

  it('leaves clients that are not phones at their own address', () => {
    expect(new MobileAddresses(10, 0.5, 1_000, seededRandom(1)).addressAt(0, 5_000)).toBeUndefined();
  });

  it('under ip-hash a phone moves between servers as its network changes; under cookie stickiness it stays', () => {
    const phone: Scenario = { ...base, clients: { count: 40, mobileShare: 1, addressChangeEveryMs: 2_000 }, sessions: { store: 'server' } };
    const serversSeenBy = (scenario: Scenario) => {
      const seen = new Set<string>();
      runSimulation(defineScenario(scenario), { onRoute: (decision: RouteDecision) => void (decision.sessionKey === 'session-1' && seen.add(decision.server!)) });
      return seen.size;
    };
    expect(serversSeenBy({ ...phone, algorithm: 'ip-hash' })).toBeGreaterThan(1);
    expect(serversSeenBy({ ...phone, algorithm: 'round-robin', stickiness: { mode: 'cookie', redispatch: false } })).toBe(1);
    expect(runSimulation(defineScenario({ ...phone, algorithm: 'ip-hash' })).sessionsLost).toBeGreaterThan(0);
  });

  it('changes no run that has no phones: the traffic is drawn exactly as before', () => {
    const withoutPhones = createSimulation(defineScenario(base));
    const zeroShare = createSimulation(defineScenario({ ...base, clients: { count: 40, mobileShare: 0, addressChangeEveryMs: 1_000 } }));
    withoutPhones.step(Infinity);
    zeroShare.step(Infinity);
    expect(zeroShare.metrics()).toEqual(withoutPhones.metrics());
  });
});
