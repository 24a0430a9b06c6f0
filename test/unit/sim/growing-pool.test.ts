import { defineScenario } from '@/lib/sim/scenario';
import { describe, expect, it } from 'vitest';
import { ALGORITHM_NAMES, createBalancer } from '@/lib/balancers/registry';
import { backendId, type AlgorithmName, type BackendView } from '@/lib/balancers/types';
import { seededRandom } from '@/lib/random/seeded';
import { runSimulation } from '@/lib/sim/simulator';
import { poissonScenario, servers } from './fixtures';

// The simulator grows the balancer's backend list in place when a server is added. These check
// that every balancer, stateful ones included, copes with the list it cached changing under it.

const backend = (id: string, weight = 1): BackendView => ({ id: backendId(id), weight, usable: true, activeConnections: 0 });
const keys = Array.from({ length: 4_000 }, (_, index) => `user-${index}`);

/** Where each key goes now, with `algorithm`'s balancer (state kept between calls). */
function assign(pick: (key: string) => string | undefined): Map<string, string | undefined> {
  return new Map(keys.map((key) => [key, pick(key)]));
}

describe('balancers with a backend list that grows', () => {
  it.each(ALGORITHM_NAMES)('%s sends requests to a server added mid-run and loses none', (algorithm: AlgorithmName) => {
    const metrics = runSimulation(defineScenario({
      ...poissonScenario(algorithm, servers(3, { weight: 1, capacity: 4 }), 0.5, 6_000),
      clients: { count: 500 },
      changes: [{ atMs: 500, kind: 'add-server', spec: { weight: 1, capacity: 4 } }],
    }));
    expect(metrics.servers[3]!.served).toBeGreaterThan(0);
    expect(metrics.served + metrics.dropped + metrics.failed).toBe(6_000);
  });

  it('smooth weighted round robin gives a newly added server its weighted share at once (5,1,1 plus 3)', () => {
    const balancer = createBalancer('weighted-round-robin', seededRandom(1));
    const pool = [backend('a', 5), backend('b'), backend('c')];
    for (let i = 0; i < 9; i += 1) balancer.pick(pool);
    pool.push(backend('d', 3));
    const counts: Record<string, number> = {};
    for (let i = 0; i < 100; i += 1) {
      const id = balancer.pick(pool)!;
      counts[id] = (counts[id] ?? 0) + 1;
    }
    expect(counts).toEqual({ a: 50, b: 10, c: 10, d: 30 });
  });

  it('consistent hashing rebuilds its ring: only keys the new server now owns move, about 1/(N+1) of them', () => {
    const balancer = createBalancer('consistent-hash', seededRandom(1));
    const pool = [backend('10.0.0.1:80'), backend('10.0.0.2:80'), backend('10.0.0.3:80')];
    const before = assign((key) => balancer.pick(pool, { key }));
    pool.push(backend('10.0.0.4:80'));
    const after = assign((key) => balancer.pick(pool, { key }));
    const moved = keys.filter((key) => before.get(key) !== after.get(key));
    expect(moved.every((key) => after.get(key) === '10.0.0.4:80')).toBe(true);
    expect(moved.length / keys.length).toBeGreaterThan(0.15);
    expect(moved.length / keys.length).toBeLessThan(0.35);
  });

  it('maglev rebuilds its table: about 1/(N+1) of keys move, almost all of them to the new server', () => {
    const balancer = createBalancer('maglev', seededRandom(1));
    const pool = [backend('a'), backend('b'), backend('c')];
    const before = assign((key) => balancer.pick(pool, { key }));
    pool.push(backend('d'));
    const after = assign((key) => balancer.pick(pool, { key }));
    const moved = keys.filter((key) => before.get(key) !== after.get(key));
    expect(moved.length / keys.length).toBeCloseTo(0.25, 1);
    // Maglev's small extra disruption (lb-algorithms.md §5.5): a few slots change hands between old servers.
    expect(moved.filter((key) => after.get(key) !== 'd').length / keys.length).toBeLessThan(0.03);
  });

  it('hash mod N moves about N/(N+1) of keys when a fourth server joins', () => {
    const balancer = createBalancer('hash-mod-n', seededRandom(1));
    const pool = [backend('a'), backend('b'), backend('c')];
    const before = assign((key) => balancer.pick(pool, { key }));
    pool.push(backend('d'));
    const after = assign((key) => balancer.pick(pool, { key }));
    expect(keys.filter((key) => before.get(key) !== after.get(key)).length / keys.length).toBeCloseTo(0.75, 1);
  });

  it('round robin takes the new server into its cycle', () => {
    const balancer = createBalancer('round-robin', seededRandom(1));
    const pool = [backend('a'), backend('b'), backend('c')];
    const first = [1, 2].map(() => balancer.pick(pool));
    pool.push(backend('d'));
    expect([...first, ...[1, 2, 3, 4, 5].map(() => balancer.pick(pool))]).toEqual(['a', 'b', 'c', 'd', 'a', 'b', 'c']);
  });

  it('least connections sends new requests to the empty new server first', () => {
    const balancer = createBalancer('least-connections', seededRandom(1));
    const pool = [backend('a'), backend('b'), backend('c')].map((view) => ({ ...view, activeConnections: 5 }));
    pool.push(backend('d'));
    expect(balancer.pick(pool)).toBe('d');
  });
});
