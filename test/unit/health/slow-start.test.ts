import { describe, expect, it } from 'vitest';
import { ENVOY_SLOW_START_DEFAULTS, albEntersSlowStart, albSlowStartWeight, envoySlowStartWeight } from '@/lib/health/slow-start';

const window60s = { windowMs: 60_000 };

describe('Envoy slow start', () => {
  it('ships Envoy defaults: aggression 1.0, min_weight_percent 10%', () => {
    expect(ENVOY_SLOW_START_DEFAULTS).toEqual({ aggression: 1, minWeightPercent: 10 });
  });

  it('gives a weight-10 host weight 1 at 6 s and 5 at 30 s of a 60 s window', () => {
    expect(envoySlowStartWeight(10, 6_000, window60s)).toBeCloseTo(1.0, 10);
    expect(envoySlowStartWeight(10, 30_000, window60s)).toBeCloseTo(5.0, 10);
  });

  it('never starts below min_weight_percent: weight 1 at 0.5 s', () => {
    expect(envoySlowStartWeight(10, 500, window60s)).toBeCloseTo(1.0, 10);
  });

  it('gives the full weight once the window has passed', () => {
    expect(envoySlowStartWeight(10, 60_000, window60s)).toBe(10);
    expect(envoySlowStartWeight(10, 600_000, window60s)).toBe(10);
  });

  it('ramps faster early with aggression 2: weight 5 at a quarter of the window', () => {
    expect(envoySlowStartWeight(10, 15_000, { windowMs: 60_000, aggression: 2 })).toBeCloseTo(5.0, 10);
  });

  it('counts at least 1 ms since healthy, so the factor is never zero', () => {
    expect(envoySlowStartWeight(60_000, 0, { windowMs: 60_000, minWeightPercent: 0 })).toBeCloseTo(1, 10);
  });

  it('rejects a non-positive aggression', () => {
    expect(() => envoySlowStartWeight(10, 1_000, { windowMs: 60_000, aggression: 0 })).toThrow(RangeError);
  });
});

describe('AWS ALB slow start', () => {
  it('ramps a target linearly from nothing to its full share over the duration', () => {
    expect([0, 25_000, 50_000, 100_000, 200_000].map((ms) => albSlowStartWeight(10, ms, 100))).toEqual([0, 2.5, 5, 10, 10]);
  });

  it('gives the full weight at once when slow start is off (0 s)', () => {
    expect(albSlowStartWeight(10, 0, 0)).toBe(10);
  });

  it('accepts only 30–900 s durations', () => {
    expect(() => albSlowStartWeight(10, 0, 29)).toThrow(RangeError);
    expect(() => albSlowStartWeight(10, 0, 901)).toThrow(RangeError);
    expect(albSlowStartWeight(10, 900_000, 900)).toBe(10);
  });

  it('puts a newly healthy target in slow start only if another healthy target is not in slow start', () => {
    expect(albEntersSlowStart(0, 60)).toBe(false);
    expect(albEntersSlowStart(1, 60)).toBe(true);
    expect(albEntersSlowStart(3, 0)).toBe(false);
  });
});
