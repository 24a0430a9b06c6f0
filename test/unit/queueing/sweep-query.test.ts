import { describe, expect, it } from 'vitest';
import { sweepFromQuery, sweepQuery } from '@/lib/queueing/sweep-query';
import { DEFAULT_SWEEP } from '@/lib/queueing/utilisation-sweep';

describe('the sweep link', () => {
  it('replays exactly: the query of a sweep reads back as the same sweep', () => {
    const spec = { ...DEFAULT_SWEEP, algorithm: 'round-robin' as const, servers: 8, workersPerServer: 2, seed: 7, utilisations: [0.5, 0.75, 0.9] };
    const params = Object.fromEntries(new URLSearchParams(sweepQuery(spec)));
    expect(sweepFromQuery(params)).toEqual({ spec, problems: [] });
  });

  it('takes a load range and fills what is missing from the default', () => {
    const { spec, problems } = sweepFromQuery({ loads: '0.5:0.9:0.2', servers: '2' });
    expect(problems).toEqual([]);
    expect(spec).toEqual({ ...DEFAULT_SWEEP, servers: 2, utilisations: [0.5, 0.7, 0.9] });
  });

  it('names each problem by its URL parameter and falls back to the default sweep', () => {
    const { spec, problems } = sweepFromQuery({ servers: '0', workers: 'many', algorithm: 'fastest', loads: '0.5,1.2' });
    expect(spec).toEqual(DEFAULT_SWEEP);
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual(['algorithm', 'loads', 'servers', 'workers']);
  });
});
