/**
 * M/M/c: Poisson arrivals at rate λ, exponential service at rate μ per worker, c identical workers
 * behind one FIFO queue. Erlang C gives the chance an arrival has to wait; the rest follows from it.
 * Units are the caller's: pass the mean service time in ms and every time comes back in ms.
 */
export interface MmcQueue {
  /** Workers (servers) sharing the queue. */
  workers: number;
  /** Arrivals per ms. */
  arrivalRate: number;
  /** Mean service time in ms (1/μ). */
  meanServiceMs: number;
}

/** What queueing theory predicts for a stable M/M/c (ρ < 1). */
export interface MmcPrediction {
  /** ρ = λ / (cμ): each worker's busy share. */
  utilisation: number;
  /** Erlang C: P(an arrival waits). */
  waitProbability: number;
  /** Wq, the mean time in queue. */
  meanWaitMs: number;
  /** W = Wq + 1/μ, the mean time from arrival to response. */
  meanResponseMs: number;
}

/**
 * Erlang B, the blocking probability of c workers offered a Erlangs, by the recursion
 * B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)). Every step stays in [0, 1], so unlike the textbook
 * ratio of a^c/c! to a sum of such terms it neither overflows nor cancels, for any c.
 */
export function erlangB(workers: number, offeredErlangs: number): number {
  let blocking = 1;
  for (let k = 1; k <= workers; k += 1) blocking = (offeredErlangs * blocking) / (k + offeredErlangs * blocking);
  return blocking;
}

/** Erlang C, P(wait) for c workers offered a = λ/μ Erlangs (a < c), from Erlang B: C = B / (1 − ρ(1 − B)). */
export function erlangC(workers: number, offeredErlangs: number): number {
  const rho = offeredErlangs / workers;
  if (!(rho < 1)) return 1;
  const blocking = erlangB(workers, offeredErlangs);
  return blocking / (1 - rho * (1 - blocking));
}

/** Mean wait, response and P(wait) of a stable M/M/c; throws a RangeError when ρ ≥ 1 (the queue grows without bound). */
export function predictMmc({ workers, arrivalRate, meanServiceMs }: MmcQueue): MmcPrediction {
  const offered = arrivalRate * meanServiceMs;
  const utilisation = offered / workers;
  if (!(utilisation < 1) || !(utilisation >= 0)) throw new RangeError(`M/M/c needs 0 ≤ ρ < 1; ρ = ${utilisation}`);
  const waitProbability = erlangC(workers, offered);
  // Wq = C / (cμ − λ)
  const meanWaitMs = waitProbability / (workers / meanServiceMs - arrivalRate);
  return { utilisation, waitProbability, meanWaitMs, meanResponseMs: meanWaitMs + meanServiceMs };
}

/**
 * P(response time > t) for M/M/c: the wait is 0 with probability 1 − C and otherwise exponential at
 * θ = cμ − λ, and the service time, exponential at μ, is added to it (a hypoexponential when θ ≠ μ).
 */
export function responseTail(queue: MmcQueue, tMs: number): number {
  const mu = 1 / queue.meanServiceMs;
  const theta = queue.workers * mu - queue.arrivalRate;
  const waits = erlangC(queue.workers, queue.arrivalRate * queue.meanServiceMs);
  const served = Math.exp(-mu * tMs);
  const waitedThenServed = Math.abs(theta - mu) < 1e-12 * mu ? served * (1 + mu * tMs) : (theta * served - mu * Math.exp(-theta * tMs)) / (theta - mu);
  return (1 - waits) * served + waits * waitedThenServed;
}

/** The p-th quantile (0 < p < 1) of M/M/c response time, found by bisection on the tail (monotone in t). */
export function responsePercentile(queue: MmcQueue, p: number): number {
  const target = 1 - p;
  let high = queue.meanServiceMs;
  while (responseTail(queue, high) > target) high *= 2;
  let low = 0;
  for (let step = 0; step < 100 && high - low > 1e-9 * high; step += 1) {
    const middle = (low + high) / 2;
    if (responseTail(queue, middle) > target) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}
