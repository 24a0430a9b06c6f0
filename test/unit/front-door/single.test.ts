import { describe, expect, it } from 'vitest';
import { createFrontDoor } from '@/lib/sim-front-door/front-door';
import { seededRandom } from '@/lib/random/seeded';
import { failureWindows } from './observe';

describe('a single balancer', () => {
  const door = () =>
    createFrontDoor(
      { mode: 'single' },
      [
        { atMs: 25_000, balancer: 0, kind: 'recover' },
        { atMs: 10_000, balancer: 0, kind: 'crash' },
        { atMs: 5_000, balancer: 1, kind: 'crash' },
      ],
      2,
      seededRandom(1),
    );

  it('fails every request while it is down, 10 s to 25 s, whatever order the failures are listed in', () => {
    expect(failureWindows(door(), 0, 40_000)).toEqual([[10_000, 25_000]]);
  });

  it('has no second balancer, so failures of balancer 1 change nothing', () => {
    expect(door().state(7_000)).toEqual({ mode: 'single', balancerUp: [true], serving: 0 });
    expect(door().state(12_000)).toEqual({ mode: 'single', balancerUp: [false], serving: null });
  });

  it('rejects a client number outside the pool', () => {
    expect(() => door().admit(2, 0)).toThrow(RangeError);
  });

  it('ignores a crash of a balancer that is already down', () => {
    const twice = createFrontDoor(
      { mode: 'single' },
      [
        { atMs: 1_000, balancer: 0, kind: 'crash' },
        { atMs: 2_000, balancer: 0, kind: 'crash' },
        { atMs: 3_000, balancer: 0, kind: 'recover' },
      ],
      1,
      seededRandom(1),
    );
    expect(failureWindows(twice, 0, 5_000)).toEqual([[1_000, 3_000]]);
  });
});
