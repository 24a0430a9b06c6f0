import type { Balancer, BackendView, Random } from './types';

/** A usable backend drawn with probability proportional to its weight (nginx `random`). */
export function weightedDraw(backends: readonly BackendView[], random: Random): BackendView | undefined {
  const usable = backends.filter((backend) => backend.usable);
  const total = usable.reduce((sum, backend) => sum + backend.weight, 0);
  let x = random() * total;
  for (const backend of usable) {
    x -= backend.weight;
    if (x < 0) return backend;
  }
  return usable.at(-1);
}

/** Random choice, weighted (nginx `random` without `two`); stateless, so every balancer instance agrees. */
export function createRandom(random: Random): Balancer {
  return { algorithm: 'random', pick: (backends) => weightedDraw(backends, random)?.id };
}
