import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/random/seeded';
import { LatencyHistogram } from '@/lib/sim/histogram';

/** The exact nearest-rank quantile, for comparison. */
const exactPercentile = (sorted: number[], fraction: number) => sorted[Math.max(1, Math.ceil(fraction * sorted.length)) - 1]!;

describe('latency histogram', () => {
  it('gives p50, p95, p99 and p99.9 within 2% of the exact values, from 0.05 ms to hours', () => {
    const random = seededRandom(3);
    const histogram = new LatencyHistogram();
    // Log-uniform over eight decades, so every part of the bucket range is exercised.
    const values = Array.from({ length: 100_000 }, () => 0.05 * 10 ** (8 * random()));
    for (const value of values) histogram.record(value);
    const sorted = [...values].sort((a, b) => a - b);
    for (const fraction of [0.5, 0.95, 0.99, 0.999]) {
      expect(Math.abs(histogram.percentile(fraction) / exactPercentile(sorted, fraction) - 1)).toBeLessThan(0.02);
    }
  });

  it('keeps the mean and the maximum exact', () => {
    const histogram = new LatencyHistogram();
    for (const value of [1, 2, 3, 10]) histogram.record(value);
    expect(histogram.mean()).toBe(4);
    expect(histogram.maximum()).toBe(10);
    expect(histogram.percentile(1)).toBe(10);
  });

  it('reports values beyond its range as the exact minimum and maximum', () => {
    const histogram = new LatencyHistogram();
    histogram.record(0.001);
    histogram.record(5e7);
    expect(histogram.percentile(0.5)).toBe(0.001);
    expect(histogram.percentile(0.99)).toBe(5e7);
  });

  it('reports NaN rather than a made-up number when nothing was recorded', () => {
    expect(new LatencyHistogram().percentile(0.99)).toBeNaN();
    expect(new LatencyHistogram().mean()).toBeNaN();
  });
});
