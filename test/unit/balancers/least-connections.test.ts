import { describe, expect, it } from 'vitest';
import { createLeastConnections } from '@/lib/balancers/least-connections';
import type { BackendView } from '@/lib/balancers/types';
import { pool, sequence } from './fixtures';

/** Sends `count` requests that stay open, counting each on the backend it went to. */
function openLong(balancer: ReturnType<typeof createLeastConnections>, backends: BackendView[], count: number): string[] {
  const picks: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = balancer.pick(backends)!;
    picks.push(id);
    backends.find((backend) => backend.id === id)!.activeConnections += 1;
  }
  return picks;
}

describe('nginx least_conn (§3.1, observed on nginx 1.31.5)', () => {
  it('sends quick requests to the idle server while two long ones are in flight', () => {
    const balancer = createLeastConnections();
    const backends = pool(1, 1, 1);
    expect(openLong(balancer, backends, 2)).toEqual(['a', 'b']);
    expect(sequence(balancer, backends, 4)).toBe('c c c c');
  });

  it('with weights 3,1,1 places four long requests a, b, c, a, then quick ones on a', () => {
    const balancer = createLeastConnections();
    const backends = pool(3, 1, 1);
    expect(openLong(balancer, backends, 4)).toEqual(['a', 'b', 'c', 'a']);
    expect(sequence(balancer, backends, 3)).toBe('a a a');
  });

  it('breaks ties with smooth weighted round robin, so idle sequential traffic matches it', () => {
    expect(sequence(createLeastConnections(), pool(5, 1, 1), 7)).toBe('a a b a c a a');
  });

  it('never chooses a busier server while a less loaded one is usable', () => {
    const backends = pool(1, 1, 1);
    backends[0]!.activeConnections = 5;
    backends[1]!.activeConnections = 2;
    backends[2]!.activeConnections = 8;
    expect(createLeastConnections().pick(backends)).toBe('b');
  });
});
