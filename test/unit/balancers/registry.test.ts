import { describe, expect, it } from 'vitest';
import { ALGORITHM_NAMES, createBalancer, isAlgorithmName } from '@/lib/balancers/registry';
import { seededRandom } from '@/lib/random/seeded';
import { markDown, pool } from './fixtures';

describe('the algorithm registry', () => {
  it('creates every algorithm under its own name', () => {
    for (const name of ALGORITHM_NAMES) expect(createBalancer(name, seededRandom(1)).algorithm).toBe(name);
    expect(isAlgorithmName('round-robin')).toBe(true);
    expect(isAlgorithmName('fastest')).toBe(false);
  });

  it.each(ALGORITHM_NAMES)('%s never picks a down backend while another is up, whatever the client', (name) => {
    const balancer = createBalancer(name, seededRandom(9));
    const backends = markDown(pool(3, 1, 2, 1), 'a');
    for (let i = 0; i < 500; i += 1) {
      const picked = balancer.pick(backends, { clientIp: `198.51.${i % 256}.${(i * 7) % 256}`, key: `session-${i}` });
      expect(picked).toBeDefined();
      expect(picked).not.toBe('a');
    }
  });
});
