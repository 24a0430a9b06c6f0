import { describe, expect, it } from 'vitest';
import { deepEqual, findDifference } from '@/lib/grading/harness/equality';

describe('toEqual equality', () => {
  it('compares arrays and objects by structure, not identity', () => {
    expect(deepEqual([1, { a: 'x' }], [1, { a: 'x' }])).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 2 })).toBe(false);
  });

  it('points at the first difference with a path', () => {
    expect(findDifference({ servers: [{ id: 'a' }, { id: 'c' }] }, { servers: [{ id: 'a' }, { id: 'b' }] })).toEqual({ path: '.servers[1].id', expected: 'b', actual: 'c' });
  });

  it('reports missing and unexpected properties by name', () => {
    expect(findDifference({ a: 1 }, { a: 1, b: 2 })).toMatchObject({ path: '.b', reason: 'missing property' });
    expect(findDifference({ a: 1, 'odd key': 2 }, { a: 1 })).toMatchObject({ path: '["odd key"]', reason: 'unexpected property' });
  });

  it('ignores properties whose value is undefined, and prototypes, as Jest does', () => {
    class Point {
      constructor(
        readonly x: number,
        readonly y?: number,
      ) {}
    }
    expect(deepEqual(new Point(1), { x: 1 })).toBe(true);
  });

  it('says so when array lengths differ after a shared prefix', () => {
    expect(findDifference([1, 2, 3], [1, 2])).toMatchObject({ path: '', reason: 'expected length 2, received length 3' });
  });

  it('treats NaN as equal to NaN and 0 as equal to -0', () => {
    expect(deepEqual([NaN, 0], [NaN, -0])).toBe(true);
  });

  it('compares Maps, Sets and Dates by content', () => {
    expect(deepEqual(new Map([['a', [1]]]), new Map([['a', [1]]]))).toBe(true);
    expect(findDifference(new Map([['a', 1]]), new Map([['a', 2]]))).toMatchObject({ path: '.get("a")' });
    expect(deepEqual(new Set([1, 2]), new Set([2, 1]))).toBe(true);
    expect(deepEqual(new Set([{ id: 1 }]), new Set([{ id: 1 }]))).toBe(true);
    expect(deepEqual(new Date(5), new Date(5))).toBe(true);
    expect(deepEqual(new Date(5), new Date(6))).toBe(false);
  });

  it('does not mistake a look-alike object for a Map', () => {
    expect(deepEqual({ size: 0 }, new Map())).toBe(false);
  });

  it('terminates on cycles', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    const b: Record<string, unknown> = { name: 'a' };
    b.self = b;
    expect(deepEqual(a, b)).toBe(true);
  });
});
