import { describe, expect, it } from 'vitest';
import { createLeastRequest } from '@/lib/balancers/least-request';
import { createPowerOfTwo } from '@/lib/balancers/power-of-two';
import type { BackendView, Balancer, Random } from '@/lib/balancers/types';
import { seededRandom } from '@/lib/random/seeded';
import { markDown, pool, sequence } from './fixtures';

const scripted = (...values: number[]): Random => {
  let at = 0;
  return () => values[at++ % values.length]!;
};

/** Picks `count` times, counting each pick as one more active request on its backend (nothing completes). */
function pileUp(balancer: Balancer, backends: BackendView[], count: number): string {
  const picks: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = balancer.pick(backends)!;
    picks.push(id);
    backends.find((backend) => backend.id === id)!.activeConnections += 1;
  }
  return picks.join(' ');
}

describe('Envoy least request, equal weights (least_request_lb.cc, N_CHOICES)', () => {
  it('keeps the draw with fewer active requests', () => {
    const backends = pool(1, 1, 1);
    backends[0]!.activeConnections = 5;
    backends[2]!.activeConnections = 1;
    // Draws a then c: c has fewer.
    expect(createLeastRequest(scripted(0, 0.9)).pick(backends)).toBe('c');
  });

  it('keeps the first draw on a tie', () => {
    expect(createLeastRequest(scripted(0.9, 0)).pick(pool(1, 1, 1))).toBe('c');
  });

  it('draws with replacement: the same backend twice is no comparison', () => {
    const backends = pool(1, 1);
    backends[0]!.activeConnections = 9;
    expect(createLeastRequest(scripted(0, 0)).pick(backends)).toBe('a');
  });

  it('with choice_count 3 takes the fewest of three draws', () => {
    const backends = pool(1, 1, 1);
    backends[0]!.activeConnections = 4;
    backends[1]!.activeConnections = 2;
    expect(createLeastRequest(scripted(0, 0.5, 0.9), { choiceCount: 3 }).pick(backends)).toBe('c');
    expect(createLeastRequest(scripted(0, 0.5, 0.9), { choiceCount: 2 }).pick(backends)).toBe('b');
  });

  it('picks exactly as power of two at the default choice_count 2', () => {
    const backends = pool(1, 1, 1, 1);
    backends.forEach((backend, index) => (backend.activeConnections = index % 3));
    expect(sequence(createLeastRequest(seededRandom(21)), backends, 40)).toBe(sequence(createPowerOfTwo(seededRandom(21)), backends, 40));
  });
});

describe('Envoy least request, unequal weights (EDF, weight / (active + 1)^bias)', () => {
  it('with nothing in flight is an earliest-deadline-first weighted round robin (2:1 → a b a a b a)', () => {
    // Deadlines 1/2 and 1, re-added at the pick time + 1/weight; equal deadlines leave in insertion order.
    expect(sequence(createLeastRequest(seededRandom(1)), pool(2, 1), 6)).toBe('a b a a b a');
  });

  it('lowers a weight by its active requests: a at 2 with 3 in flight (0.5) loses to idle b at 1', () => {
    const backends = pool(2, 1);
    backends[0]!.activeConnections = 3;
    // Initial deadlines: a 1/0.5 = 2, b 1/1 = 1; b at 1 (re-added at 2), then a at 2 (order 0), b at 2.
    expect(sequence(createLeastRequest(seededRandom(1)), backends, 3)).toBe('b a b');
  });

  it('re-weighs a backend at each pick by what it holds: 3:1 with nothing finishing goes a a b a b a a b', () => {
    // a re-enters at weight 3, 1.5, 1, 0.75, 0.6 (deadlines 2/3, 4/3, 7/3, 11/3, 16/3); b at 1 then 0.5 (2, 4).
    expect(pileUp(createLeastRequest(seededRandom(1)), pool(3, 1), 8)).toBe('a a b a b a a b');
  });

  it('with active_request_bias 0 ignores active requests (weighted round robin)', () => {
    const backends = pool(2, 1);
    backends[0]!.activeConnections = 50;
    expect(sequence(createLeastRequest(seededRandom(1), { activeRequestBias: 0 }), backends, 6)).toBe('a b a a b a');
  });

  it('a larger bias steers harder: bias 2 puts a at 4 with 1 in flight (1) level with idle b at 1', () => {
    const backends = pool(4, 1);
    backends[0]!.activeConnections = 1;
    // 4 / 2^2 = 1: both deadlines 1, a added first.
    expect(sequence(createLeastRequest(seededRandom(1), { activeRequestBias: 2 }), backends, 2)).toBe('a b');
  });

  it('rebuilds the schedule when the usable set changes, and never picks an unusable backend', () => {
    const balancer = createLeastRequest(seededRandom(1));
    expect(sequence(balancer, pool(2, 1, 1), 2)).toBe('a b');
    expect(sequence(balancer, markDown(pool(2, 1, 1), 'a'), 3)).not.toContain('a');
    expect(balancer.pick(markDown(markDown(markDown(pool(2, 1, 1), 'a'), 'b'), 'c'))).toBeUndefined();
  });
});
