import type { Random } from '@/lib/random/seeded';
import { exponential } from './arrivals';
import type { CostSpec } from './scenario';

/** The Pareto shape for heavy-tailed cost: below 2 the variance is infinite, as with file sizes and job lengths on the web. */
export const PARETO_SHAPE = 1.5;

/** A sampler of service times (ms) with the spec's distribution and mean. */
export function createCostSampler(spec: CostSpec, random: Random): () => number {
  const { meanMs } = spec;
  switch (spec.distribution) {
    case 'constant':
      return () => meanMs;
    case 'exponential':
      return () => exponential(random, meanMs);
    case 'heavy-tailed': {
      // Pareto(xm, α) has mean α·xm/(α−1); pick xm so the mean is meanMs.
      const scale = (meanMs * (PARETO_SHAPE - 1)) / PARETO_SHAPE;
      return () => scale * (1 - random()) ** (-1 / PARETO_SHAPE);
    }
  }
}
