import { describe, expect, it } from 'vitest';
import { createFrontDoor } from '@/lib/sim-front-door/front-door';
import type { ActivePassiveSpec, BalancerFailure } from '@/lib/sim-front-door/types';
import { masterDownIntervalMs, vrrpSkewMs } from '@/lib/sim-front-door/vrrp';
import { seededRandom } from '@/lib/random/seeded';
import { failureWindows } from './observe';

const pair: ActivePassiveSpec = { mode: 'active-passive', heartbeatIntervalMs: 1000, missedHeartbeats: 3, takeoverMs: 500 };
const crash = (atMs: number, balancer: 0 | 1 = 0): BalancerFailure => ({ atMs, balancer, kind: 'crash' });
const recover = (atMs: number, balancer: 0 | 1 = 0): BalancerFailure => ({ atMs, balancer, kind: 'recover' });
const frontDoor = (failures: BalancerFailure[], spec: ActivePassiveSpec = pair) => createFrontDoor(spec, failures, 1, seededRandom(1));

describe('VRRP timers (RFC 5798 §6.1)', () => {
  it('skews a priority-100 backup by 156/256 of the interval: 609.375 ms at advert_int 1 s', () => {
    expect(vrrpSkewMs(100, 1000)).toBe(609.375);
    expect(vrrpSkewMs(255, 1000)).toBe(3.90625);
  });

  it('declares the master down after 3 × 1 s + skew = 3.609375 s', () => {
    expect(masterDownIntervalMs({ ...pair, skewMs: vrrpSkewMs(100, 1000) })).toBe(3609.375);
  });
});

describe('active-passive pair with a floating IP (keepalived)', () => {
  it('fails every request for 3 missed 1 s heartbeats + 0.5 s takeover when the primary dies just after a heartbeat', () => {
    expect(failureWindows(frontDoor([crash(10_000)]), 0, 30_000)).toEqual([[10_000, 13_500]]);
  });

  it('counts from the last heartbeat the backup heard, so a crash at 10.4 s costs 3.1 s', () => {
    expect(failureWindows(frontDoor([crash(10_400)]), 0, 30_000)).toEqual([[10_400, 13_500]]);
  });

  it('shows the address unclaimed, then claimed but not yet reachable, then served by the backup', () => {
    const door = frontDoor([crash(10_000)]);
    expect(door.state(12_000)).toEqual({ mode: 'active-passive', balancerUp: [false, true], vipHolder: null, arpTarget: 0, serving: null });
    expect(door.state(13_200)).toMatchObject({ vipHolder: 1, arpTarget: 0, serving: null });
    expect(door.state(13_500)).toMatchObject({ vipHolder: 1, arpTarget: 1, serving: 1 });
  });

  it('adds the skew time: with keepalived priority 100 the gap is 4.109375 s', () => {
    const door = frontDoor([crash(10_000)], { ...pair, skewMs: vrrpSkewMs(100, 1000) });
    expect(door.admit(0, 14_109)).toBe(false);
    expect(door.admit(0, 14_109.375)).toBe(true);
  });

  it('does not notice the backup dying', () => {
    expect(failureWindows(frontDoor([crash(10_000, 1)]), 0, 30_000)).toEqual([]);
  });

  it('with preemption, a primary back at 20 s waits its own 3 s, takes the address back, and clients see another 0.5 s gap', () => {
    expect(failureWindows(frontDoor([crash(10_000), recover(20_000)]), 0, 40_000)).toEqual([
      [10_000, 13_500],
      [23_000, 23_500],
    ]);
  });

  it('without preemption (nopreempt), the backup keeps the address and there is no second gap', () => {
    const door = frontDoor([crash(10_000), recover(20_000)], { ...pair, preempt: false });
    expect(failureWindows(door, 0, 40_000)).toEqual([[10_000, 13_500]]);
    expect(door.state(40_000)).toMatchObject({ vipHolder: 1, serving: 1 });
  });

  it('still fails over when the primary is gone only 0.2 s: it restarts as backup and reclaims the address at 13.2 s', () => {
    expect(failureWindows(frontDoor([crash(10_000), recover(10_200)]), 0, 30_000)).toEqual([[10_000, 13_200]]);
    expect(failureWindows(frontDoor([crash(10_000), recover(10_200)], { ...pair, preempt: false }), 0, 30_000)).toEqual([[10_000, 13_500]]);
  });

  it('fails everything while both are down, until the first one back waits 3 s and announces itself', () => {
    expect(failureWindows(frontDoor([crash(10_000), crash(11_000, 1), recover(20_000, 1)]), 0, 40_000)).toEqual([[10_000, 23_500]]);
  });

  it('gives every client the same answer: they all follow one address', () => {
    const door = createFrontDoor(pair, [crash(10_000)], 3, seededRandom(1));
    expect([0, 1, 2].map((client) => door.admit(client, 12_000))).toEqual([false, false, false]);
  });

  it('rejects timers VRRP cannot run', () => {
    expect(() => frontDoor([], { ...pair, heartbeatIntervalMs: 0 })).toThrow(RangeError);
    expect(() => frontDoor([], { ...pair, missedHeartbeats: 2.5 })).toThrow(RangeError);
  });
});
