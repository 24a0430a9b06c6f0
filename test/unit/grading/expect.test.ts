import { describe, expect as vitestExpect, it } from 'vitest';
import { expect, isAssertionFailure, type AssertionFailure } from '@/lib/grading/harness/expect';

/** The failure an assertion throws, or undefined when it passes. */
function failureOf(assertion: () => void): AssertionFailure | undefined {
  try {
    assertion();
    return undefined;
  } catch (error) {
    if (isAssertionFailure(error)) return error;
    throw error;
  }
}

describe('expect', () => {
  it('passes silently when the check holds', () => {
    vitestExpect(failureOf(() => expect(3).toBe(3))).toBeUndefined();
    vitestExpect(failureOf(() => expect({ a: [1] }).toEqual({ a: [1] }))).toBeUndefined();
    vitestExpect(failureOf(() => expect(2).not.toBe(3))).toBeUndefined();
  });

  it('reports expected and received values, and where toEqual first differs', () => {
    const failure = failureOf(() => expect(['a', 'c']).toEqual(['a', 'b']))!;
    vitestExpect(failure.expected).toBe('["a", "b"]');
    vitestExpect(failure.actual).toBe('["a", "c"]');
    vitestExpect(failure.message).toContain('expect(received).toEqual(expected)');
    vitestExpect(failure.message).toContain('First difference at [1]: expected "b", received "c"');
  });

  it('suggests toEqual when toBe compares two equal objects', () => {
    vitestExpect(failureOf(() => expect({ a: 1 }).toBe({ a: 1 }))!.message).toContain('use toEqual');
  });

  it('inverts with .not', () => {
    vitestExpect(failureOf(() => expect([1]).not.toEqual([1]))!.message).toContain('expect(received).not.toEqual(expected)');
  });

  it('checks thrown errors by class, message text or pattern', () => {
    const bad = () => {
      throw new RangeError('weight must be positive');
    };
    vitestExpect(failureOf(() => expect(bad).toThrow())).toBeUndefined();
    vitestExpect(failureOf(() => expect(bad).toThrow(RangeError))).toBeUndefined();
    vitestExpect(failureOf(() => expect(bad).toThrow('positive'))).toBeUndefined();
    vitestExpect(failureOf(() => expect(bad).toThrow(/must be/))).toBeUndefined();
    vitestExpect(failureOf(() => expect(bad).toThrow(TypeError))!.message).toContain('It does not match TypeError');
    vitestExpect(failureOf(() => expect(() => 1).toThrow())!.message).toContain('The function did not throw');
    vitestExpect(failureOf(() => expect(bad).not.toThrow())!.message).toContain('Thrown: RangeError: weight must be positive');
  });

  it('compares numbers only with numbers, so an object with valueOf cannot pass', () => {
    vitestExpect(failureOf(() => expect({ valueOf: () => 10 }).toBeGreaterThan(1))).toBeDefined();
    vitestExpect(failureOf(() => expect(0.1 + 0.2).toBeCloseTo(0.3))).toBeUndefined();
  });

  it('has the other matchers a test needs', () => {
    vitestExpect(failureOf(() => expect(['a', 'b']).toContain('b'))).toBeUndefined();
    vitestExpect(failureOf(() => expect([{ id: 1 }]).toContainEqual({ id: 1 }))).toBeUndefined();
    vitestExpect(failureOf(() => expect('abc').toHaveLength(3))).toBeUndefined();
    vitestExpect(failureOf(() => expect('load balancer').toMatch(/bal/))).toBeUndefined();
    vitestExpect(failureOf(() => expect(undefined).toBeUndefined())).toBeUndefined();
    vitestExpect(failureOf(() => expect(null).toBeNull())).toBeUndefined();
    vitestExpect(failureOf(() => expect(new Map()).toBeInstanceOf(Map))).toBeUndefined();
    vitestExpect(failureOf(() => expect({ length: 3 }).toHaveLength(3))).toBeDefined();
  });

  it('cannot be counterfeited: an object shaped like a failure is not one', () => {
    vitestExpect(isAssertionFailure({ message: 'expect(received).toBe(expected)', expected: '1', actual: '1' })).toBe(false);
  });

  it('hands out frozen matchers', () => {
    vitestExpect(Object.isFrozen(expect(1))).toBe(true);
    vitestExpect(Object.isFrozen(expect(1).not)).toBe(true);
  });
});
