import { describe, expect, it } from 'vitest';
import { createFrontDoor } from '@/lib/sim-front-door/front-door';
import type { BalancerFailure, DnsRoundRobinSpec } from '@/lib/sim-front-door/types';
import { seededRandom } from '@/lib/random/seeded';

const dns: DnsRoundRobinSpec = { mode: 'dns-round-robin', ttlMs: 60_000, healthCheckIntervalMs: 10_000, failuresToRemove: 3 };
const crash = (atMs: number, balancer: 0 | 1 = 0): BalancerFailure => ({ atMs, balancer, kind: 'crash' });
const recover = (atMs: number, balancer: 0 | 1 = 0): BalancerFailure => ({ atMs, balancer, kind: 'recover' });
// random() = 0 makes the first answer balancer 0; answers then alternate 0, 1, 0, …
const firstAnswerZero = () => 0;

describe('round-robin DNS in front of two balancers (Route 53 health checks)', () => {
  it('hands out the two addresses in turn and keeps each client on its own', () => {
    const door = createFrontDoor(dns, [], 3, firstAnswerZero);
    for (const client of [0, 1, 2]) door.admit(client, 0);
    expect(door.state(0)).toMatchObject({ published: [0, 1], cachedBy: [2, 1] });
  });

  it('fails a client that cached the dead balancer until its TTL runs out, then re-resolves to the live one', () => {
    const door = createFrontDoor(dns, [crash(25_000)], 2, firstAnswerZero);
    expect(door.admit(0, 0)).toBe(true);
    expect(door.admit(1, 0)).toBe(true);
    expect(door.admit(0, 25_000)).toBe(false);
    expect(door.admit(1, 25_000)).toBe(true);
    expect(door.admit(0, 59_999)).toBe(false);
    expect(door.admit(0, 60_000)).toBe(true);
    expect(door.state(60_000)).toMatchObject({ published: [1], cachedBy: [0, 2] });
  });

  it('keeps publishing the dead address until the third failed check at 50 s, then only the live one', () => {
    const door = createFrontDoor(dns, [crash(25_000)], 1, firstAnswerZero);
    expect(door.state(49_999)).toMatchObject({ balancerUp: [false, true], published: [0, 1] });
    expect(door.state(50_000)).toMatchObject({ published: [1] });
  });

  it('gives a client that resolves at 45 s the dead address for a whole TTL: it fails until 105 s, 80 s after the crash', () => {
    const door = createFrontDoor(dns, [crash(25_000)], 3, firstAnswerZero);
    door.admit(0, 0);
    door.admit(1, 0);
    expect(door.admit(2, 45_000)).toBe(false);
    expect(door.admit(2, 104_999)).toBe(false);
    expect(door.admit(2, 105_000)).toBe(true);
  });

  it('publishes a recovered balancer again after three passing checks, 200 s → 220 s', () => {
    const door = createFrontDoor(dns, [crash(25_000), recover(200_000)], 1, firstAnswerZero);
    expect(door.state(219_999)).toMatchObject({ balancerUp: [true, true], published: [1] });
    expect(door.state(220_000)).toMatchObject({ published: [0, 1] });
  });

  it('answers with both addresses when neither is healthy, as Route 53 fails open', () => {
    const door = createFrontDoor(dns, [crash(25_000), crash(25_000, 1)], 1, firstAnswerZero);
    expect(door.state(50_000)).toMatchObject({ balancerUp: [false, false], published: [0, 1] });
  });

  it('leaves TTL-ignoring clients on the dead balancer for 30 minutes (Internet Explorer\'s DnsCacheTimeout)', () => {
    const clients = 1_000;
    const door = createFrontDoor({ ...dns, ignoreTtlShare: 0.1 }, [crash(1_000)], clients, seededRandom(7));
    const failing = (t: number) => Array.from({ length: clients }, (_, client) => door.admit(client, t)).filter((admitted) => !admitted).length;
    failing(0);
    // At 2 minutes every honest client has re-resolved; about half of the 100 pinned ones hold the dead address.
    expect(failing(120_000)).toBeGreaterThan(30);
    expect(failing(120_000)).toBeLessThan(70);
    expect(failing(1_799_999)).toBe(failing(120_000));
    expect(failing(1_800_000)).toBe(0);
  });

  it('replays exactly for the same seed', () => {
    const run = () => {
      const door = createFrontDoor({ ...dns, ignoreTtlShare: 0.3 }, [crash(1_000)], 50, seededRandom(42));
      return Array.from({ length: 50 }, (_, client) => door.admit(client, 0) && door.admit(client, 100_000));
    };
    expect(run()).toEqual(run());
  });

  it('rejects settings Route 53 would not take', () => {
    expect(() => createFrontDoor({ ...dns, failuresToRemove: 0 }, [], 1, firstAnswerZero)).toThrow(RangeError);
    expect(() => createFrontDoor({ ...dns, ignoreTtlShare: 1.5 }, [], 1, firstAnswerZero)).toThrow(RangeError);
  });
});
