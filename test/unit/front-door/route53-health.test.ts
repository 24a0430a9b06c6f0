import { describe, expect, it } from 'vitest';
import { route53VerdictSteps } from '@/lib/sim-front-door/route53-health';

const upDown = (...changes: [number, boolean][]) => [{ atMs: -Infinity, value: true }, ...changes.map(([atMs, value]) => ({ atMs, value }))];

describe('Route 53 health-check verdicts (interval 10 s, failure threshold 3)', () => {
  it('marks an endpoint that dies at 25 s unhealthy at the third failed check, 50 s', () => {
    expect(route53VerdictSteps(upDown([25_000, false]), 10_000, 3)).toEqual(upDown([50_000, false]));
  });

  it('counts a check at the very moment of the crash as failed: dead at 20 s, unhealthy at 40 s', () => {
    expect(route53VerdictSteps(upDown([20_000, false]), 10_000, 3)).toEqual(upDown([40_000, false]));
  });

  it('needs three passing checks in a row to mark it healthy again: back at 200 s, healthy at 220 s', () => {
    expect(route53VerdictSteps(upDown([25_000, false], [200_000, true]), 10_000, 3)).toEqual(upDown([50_000, false], [220_000, true]));
  });

  it('ignores an outage that two checks see, and one that no check sees', () => {
    expect(route53VerdictSteps(upDown([25_000, false], [45_000, true]), 10_000, 3)).toEqual(upDown());
    expect(route53VerdictSteps(upDown([21_000, false], [29_000, true]), 10_000, 3)).toEqual(upDown());
  });

  it('restarts the count when a check passes in between', () => {
    const flapping = upDown([5_000, false], [25_000, true], [35_000, false]);
    expect(route53VerdictSteps(flapping, 10_000, 3)).toEqual(upDown([60_000, false]));
  });
});
