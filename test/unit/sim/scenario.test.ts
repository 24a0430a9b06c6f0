import { describe, expect, it } from 'vitest';
import { validateScenario } from '@/lib/sim/scenario';

const minimal = {
  seed: 1,
  algorithm: 'least-connections',
  servers: [{ weight: 1, capacity: 2, queueLimit: 10 }],
  arrivals: { pattern: 'poisson', ratePerSecond: 100 },
  cost: { distribution: 'exponential', meanMs: 5 },
  requests: 1000,
};

const errorsOf = (input: unknown) => {
  const result = validateScenario(input);
  return result.ok ? [] : result.errors;
};

describe('scenario validation', () => {
  it('accepts a complete scenario and returns it unchanged', () => {
    const full = {
      ...minimal,
      arrivals: { pattern: 'spike', ratePerSecond: 100, spikeAtMs: 1000, spikeDurationMs: 500, spikeMultiplier: 4 },
      clients: { count: 50, natGroups: 5 },
      failures: [{ atMs: 100, server: 0, kind: 'crash' }],
      warmupRequests: 100,
    };
    expect(validateScenario(full)).toEqual({ ok: true, scenario: full });
  });

  it('lists every problem, each with the path of the field', () => {
    const errors = errorsOf({ ...minimal, algorithm: 'fastest', servers: [{ weight: 0, capacity: 1.5 }], cost: { distribution: 'uniform', meanMs: -1 } });
    expect(errors).toEqual([
      expect.stringMatching(/^algorithm must be one of round-robin, /),
      'servers[0].weight must be at least 1, got 0',
      'servers[0].capacity must be an integer, got 1.5',
      'cost.distribution must be one of constant, exponential, heavy-tailed',
      'cost.meanMs must be greater than 0, got -1',
    ]);
  });

  it('rejects a misspelt field instead of ignoring it', () => {
    expect(errorsOf({ ...minimal, servers: [{ weight: 1, capacity: 1, queuelimit: 5 }] })).toEqual([
      'servers[0].queuelimit is not a known field (expected weight, capacity, queueLimit)',
    ]);
  });

  it('asks for the fields a pattern needs', () => {
    expect(errorsOf({ ...minimal, arrivals: { pattern: 'burst', ratePerSecond: 10 } })).toEqual(['arrivals.burstSize is required']);
  });

  it('refuses a run that would never end', () => {
    expect(errorsOf({ ...minimal, requests: undefined })).toEqual(['one of requests or durationMs is required, or the run would never end']);
  });

  it('refuses a failure on a server that does not exist', () => {
    expect(errorsOf({ ...minimal, failures: [{ atMs: 10, server: 1, kind: 'crash' }] })).toEqual(['failures[0].server must be at most 0, got 1']);
  });

  it('refuses input that is not an object', () => {
    expect(errorsOf('{"seed": 1}')).toEqual(['scenario must be an object']);
  });
});
