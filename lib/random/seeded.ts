/** A source of uniform numbers in [0, 1): injected, so randomised algorithms and simulations replay exactly. */
export type Random = () => number;

/**
 * A small, fast, seedable generator (mulberry32): the same seed gives the same sequence in the
 * browser, a worker, Node and the tests, which is what makes a simulation replayable.
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in [0, n). */
export function randomIndex(random: Random, n: number): number {
  return Math.min(n - 1, Math.floor(random() * n));
}
