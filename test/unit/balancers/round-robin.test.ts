import { describe, expect, it } from 'vitest';
import { createRoundRobin } from '@/lib/balancers/round-robin';
import { markDown, pool, sequence } from './fixtures';

describe('round robin', () => {
  it('sends the 4th request back to the first backend', () => {
    expect(sequence(createRoundRobin(), pool(1, 1, 1), 6)).toBe('a b c a b c');
  });

  it('skips a backend that is down and keeps the cycle among the others', () => {
    expect(sequence(createRoundRobin(), markDown(pool(1, 1, 1), 'b'), 4)).toBe('a c a c');
  });

  it('returns nothing when every backend is down (nginx answers 502)', () => {
    expect(createRoundRobin().pick(markDown(markDown(pool(1, 1), 'a'), 'b'))).toBeUndefined();
  });
});
