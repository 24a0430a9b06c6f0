const LOWEST_MS = 0.01;
const HIGHEST_MS = 1e7;
/** Each bucket is 2% wider than the last, so reporting a bucket's geometric middle is within 1% of any value in it. */
const GROWTH = 1.02;
const LOG_GROWTH = Math.log(GROWTH);
const BUCKETS = Math.ceil(Math.log(HIGHEST_MS / LOWEST_MS) / LOG_GROWTH);

/** The bucket a latency falls in. */
export function latencySlot(valueMs: number): number {
  // Math.min guards against rounding a value just under HIGHEST_MS into the overflow slot.
  return valueMs < LOWEST_MS ? 0 : valueMs >= HIGHEST_MS ? BUCKETS + 1 : Math.min(BUCKETS, 1 + Math.floor(Math.log(valueMs / LOWEST_MS) / LOG_GROWTH));
}

/**
 * A latency histogram in the spirit of HdrHistogram: log-spaced buckets from 0.01 ms to 1e7 ms
 * (about 1,050 counters) whatever the number of samples, so memory stays fixed on long runs.
 * Mean, minimum and maximum are exact; percentiles are within about 1%.
 */
export class LatencyHistogram {
  // Slot 0 holds values below LOWEST_MS, the last slot values at or above HIGHEST_MS.
  private readonly counts = new Float64Array(BUCKETS + 2);
  private total = 0;
  private sum = 0;
  private min = Infinity;
  private max = -Infinity;

  /** Adds one latency in ms. */
  record(valueMs: number): void {
    this.recordInSlot(latencySlot(valueMs), valueMs);
  }

  /** Adds one latency whose slot the caller already has from `latencySlot`, so two histograms share one logarithm. */
  recordInSlot(slot: number, valueMs: number): void {
    this.counts[slot] = this.counts[slot]! + 1;
    this.total += 1;
    this.sum += valueMs;
    if (valueMs < this.min) this.min = valueMs;
    if (valueMs > this.max) this.max = valueMs;
  }

  /** Forgets every value: one 8 KiB fill, cheap enough to do every animation frame. */
  reset(): void {
    this.counts.fill(0);
    this.total = 0;
    this.sum = 0;
    this.min = Infinity;
    this.max = -Infinity;
  }

  /** How many values were recorded. */
  get count(): number {
    return this.total;
  }

  /** The exact mean, or NaN when empty. */
  mean(): number {
    return this.total === 0 ? NaN : this.sum / this.total;
  }

  /** The exact largest value, or NaN when empty. */
  maximum(): number {
    return this.total === 0 ? NaN : this.max;
  }

  /** The nearest-rank `fraction` quantile (0.99 for p99), within about 1%; NaN when empty. */
  percentile(fraction: number): number {
    if (this.total === 0) return NaN;
    const rank = Math.max(1, Math.ceil(fraction * this.total));
    if (rank >= this.total) return this.max;
    let seen = 0;
    for (let slot = 0; slot < this.counts.length; slot += 1) {
      seen += this.counts[slot]!;
      if (seen < rank) continue;
      if (slot === 0) return this.min;
      if (slot === BUCKETS + 1) return this.max;
      const middle = LOWEST_MS * GROWTH ** (slot - 0.5);
      return Math.min(this.max, Math.max(this.min, middle));
    }
    return this.max;
  }
}
