import type { Random } from '@/lib/random/seeded';
import type { ArrivalSpec } from './scenario';

/** An exponential draw with the given mean: the gap between events of a Poisson process. */
export function exponential(random: Random, mean: number): number {
  // 1 - u lies in (0, 1], so the logarithm is finite.
  return -mean * Math.log(1 - random());
}

/** The arrival rate (per ms) the pattern asks for at simulated time `t`. */
export function arrivalRateAt(spec: ArrivalSpec, t: number): number {
  const perMs = spec.ratePerSecond / 1000;
  switch (spec.pattern) {
    case 'poisson':
    case 'burst':
      return perMs;
    case 'spike':
      return t >= spec.spikeAtMs && t < spec.spikeAtMs + spec.spikeDurationMs ? perMs * spec.spikeMultiplier : perMs;
    case 'ramp': {
      if (t >= spec.rampMs) return perMs;
      const from = spec.fromRatePerSecond / 1000;
      return from + ((perMs - from) * t) / spec.rampMs;
    }
  }
}

/**
 * A clock that returns the time of each successive arrival, never decreasing. Spike and ramp are
 * non-homogeneous Poisson processes, drawn by thinning (Lewis and Shedler, 1979): candidates at the
 * peak rate, each kept with probability rate(t) / peak.
 */
export function createArrivalClock(spec: ArrivalSpec, random: Random): () => number {
  let now = 0;
  switch (spec.pattern) {
    case 'poisson': {
      const meanGap = 1000 / spec.ratePerSecond;
      return () => (now += exponential(random, meanGap));
    }
    case 'burst': {
      const meanGap = (1000 * spec.burstSize) / spec.ratePerSecond;
      let leftInBurst = 0;
      return () => {
        if (leftInBurst > 0) {
          leftInBurst -= 1;
          return now;
        }
        leftInBurst = spec.burstSize - 1;
        return (now += exponential(random, meanGap));
      };
    }
    case 'spike':
    case 'ramp': {
      const peak = (spec.pattern === 'spike' ? spec.ratePerSecond * Math.max(1, spec.spikeMultiplier) : Math.max(spec.ratePerSecond, spec.fromRatePerSecond)) / 1000;
      return () => {
        for (;;) {
          now += exponential(random, 1 / peak);
          if (random() * peak < arrivalRateAt(spec, now)) return now;
        }
      };
    }
  }
}
