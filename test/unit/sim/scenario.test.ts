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
      'servers[0].queuelimit is not a known field (expected weight, capacity, queueLimit, errorShare, slowdown, coldStart)',
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

describe('scenario validation of the optional features', () => {
  const everything = {
    ...minimal,
    servers: [{ weight: 1, capacity: 2 }, { weight: 1, capacity: 2 }],
    cost: { distribution: 'exponential', meanMs: 5, longLived: { share: 0.2, meanMs: 60_000 } },
    clients: { count: 100, natGroups: 10, mobileShare: 0.3, addressChangeEveryMs: 15_000 },
    failures: [{ atMs: 100, server: 2, kind: 'crash' }],
    changes: [
      { atMs: 50, kind: 'add-server', spec: { weight: 1, capacity: 2 } },
      { atMs: 500, kind: 'remove-server', server: 0 },
    ],
    healthCheck: { intervalMs: 1000, timeoutMs: 200, rise: 2, fall: 3 },
    autoscaling: {
      minServers: 2,
      maxServers: 6,
      targetUtilisation: 0.6,
      evaluationIntervalMs: 5000,
      provisioningMs: 20_000,
      cooldownMs: 10_000,
      template: { weight: 1, capacity: 2 },
      disableScaleIn: false,
    },
    sessions: { store: 'shared', lookupMs: 1 },
    stickiness: { mode: 'cookie', redispatch: true },
  };

  it('accepts every feature at once and returns the scenario unchanged', () => {
    expect(validateScenario(everything)).toEqual({ ok: true, scenario: everything });
  });

  it('rejects a misspelt field inside each new section', () => {
    expect(errorsOf({ ...everything, healthCheck: { ...everything.healthCheck, inter: 2000 } })).toEqual([
      'healthCheck.inter is not a known field (expected intervalMs, timeoutMs, rise, fall)',
    ]);
    expect(errorsOf({ ...everything, stickiness: { mode: 'cookie', redispatch: true, cookieName: 'SERVERID' } })).toEqual([
      'stickiness.cookieName is not a known field (expected mode, redispatch)',
    ]);
  });

  it('checks ranges with the path of each field', () => {
    expect(
      errorsOf({
        ...everything,
        cost: { ...everything.cost, longLived: { share: 0, meanMs: 100 } },
        clients: { ...everything.clients, mobileShare: 1.5 },
        healthCheck: { ...everything.healthCheck, rise: 0 },
        autoscaling: { ...everything.autoscaling, targetUtilisation: 1, template: { weight: 1, capacity: 0 } },
      }),
    ).toEqual([
      'cost.longLived.share must be greater than 0, got 0',
      'clients.mobileShare must be at most 1, got 1.5',
      'healthCheck.rise must be at least 1, got 0',
      'autoscaling.targetUtilisation must be less than 1, got 1',
      'autoscaling.template.capacity must be at least 1, got 0',
    ]);
  });

  it('asks for mobileShare and addressChangeEveryMs together', () => {
    expect(errorsOf({ ...minimal, clients: { count: 10, mobileShare: 0.5 } })).toEqual([
      'clients.mobileShare and clients.addressChangeEveryMs go together: give both or neither',
    ]);
  });

  it('keeps the pool within the autoscaling bounds', () => {
    expect(errorsOf({ ...everything, autoscaling: { ...everything.autoscaling, minServers: 3 } })).toEqual([
      'servers must hold between autoscaling.minServers and autoscaling.maxServers (3–6), got 2',
    ]);
    expect(errorsOf({ ...everything, autoscaling: { ...everything.autoscaling, maxServers: 1 } })).toEqual(['autoscaling.maxServers must be at least 2, got 1']);
  });

  it('names the choices of an unknown store or stickiness mode', () => {
    expect(errorsOf({ ...minimal, sessions: { store: 'redis' }, stickiness: { mode: 'source', redispatch: 'yes' } })).toEqual([
      'sessions.store must be one of server, shared, got "redis"',
      'stickiness.mode must be one of cookie, got "source"',
      'stickiness.redispatch must be true or false, got "yes"',
    ]);
  });

  it('refuses a lookup time for sessions kept in server memory', () => {
    expect(errorsOf({ ...minimal, sessions: { store: 'server', lookupMs: 2 } })).toEqual([
      'sessions.lookupMs applies to the shared store only; a session in server memory costs no lookup',
    ]);
  });

  it('takes only add-server and remove-server as planned changes, on servers that will exist', () => {
    expect(errorsOf({ ...minimal, changes: [{ atMs: 10, kind: 'crash', server: 0 }] })).toEqual([
      'changes[0].kind must be add-server or remove-server (crash and recover belong in failures)',
    ]);
    expect(errorsOf({ ...minimal, changes: [{ atMs: 10, kind: 'remove-server', server: 1 }] })).toEqual(['changes[0].server must be at most 0, got 1']);
    expect(errorsOf({ ...minimal, changes: 'add one' })).toEqual(['changes must be an array']);
  });
});

describe('balancerTier', () => {
  const base = { seed: 1, algorithm: 'round-robin', servers: [{ weight: 1, capacity: 1 }], arrivals: { pattern: 'poisson', ratePerSecond: 10 }, cost: { distribution: 'constant', meanMs: 1 }, requests: 10 };

  it('accepts each redundancy mode with its own fields', () => {
    for (const redundancy of [
      { mode: 'single' },
      { mode: 'active-passive', heartbeatIntervalMs: 1_000, missedHeartbeats: 3, takeoverMs: 500, preempt: false },
      { mode: 'dns-round-robin', ttlMs: 60_000, healthCheckIntervalMs: 30_000, failuresToRemove: 3, ignoreTtlShare: 0.1 },
    ]) {
      const result = validateScenario({ ...base, balancerTier: { redundancy, failures: [{ atMs: 5, balancer: 1, kind: 'crash' }] } });
      expect(result.ok, JSON.stringify(result)).toBe(true);
    }
  });

  it('names what is wrong, with its path', () => {
    const result = validateScenario({
      ...base,
      balancerTier: { redundancy: { mode: 'dns-round-robin', ttlMs: -1, healthCheckIntervalMs: 10, failuresToRemove: 3, heartbeatIntervalMs: 1 }, failures: [{ atMs: 1, balancer: 2, kind: 'explode' }] },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining('balancerTier.redundancy.heartbeatIntervalMs is not a known field'),
        expect.stringContaining('balancerTier.redundancy.ttlMs must be greater than 0'),
        expect.stringContaining('balancerTier.failures[0].balancer must be at most 1'),
        expect.stringContaining('balancerTier.failures[0].kind must be one of crash, recover'),
      ]),
    );
    expect(validateScenario({ ...base, balancerTier: { redundancy: { mode: 'triple' }, failures: [] } })).toMatchObject({ ok: false, errors: [expect.stringContaining('balancerTier.redundancy.mode must be one of')] });
  });
});

describe('layer7', () => {
  const base = { seed: 1, algorithm: 'round-robin', servers: [{ weight: 1, capacity: 1 }, { weight: 1, capacity: 1 }], arrivals: { pattern: 'poisson', ratePerSecond: 10 }, cost: { distribution: 'constant', meanMs: 1 }, requests: 10 };
  const table = { rules: [{ priority: 1, conditions: [{ field: 'path', values: ['/a/*'] }], targets: [{ group: 'one', weight: 1 }] }], defaultTargets: [{ group: 'two', weight: 1 }] };

  it('accepts a request mix, rules and groups that fit together', () => {
    const layer7 = { requests: [{ method: 'GET', host: 'x.example', path: '/a/1', share: 0.5 }, { method: 'GET', host: 'x.example', path: '/b', share: 0.5 }], table, groups: [{ name: 'one', servers: [0] }, { name: 'two', servers: [1] }] };
    expect(validateScenario({ ...base, layer7 })).toEqual({ ok: true, scenario: { ...base, layer7 } });
  });

  it('names shares that do not add up, unknown groups, shared servers and duplicate priorities', () => {
    const result = validateScenario({
      ...base,
      layer7: {
        requests: [{ path: '/a', share: 0.3 }],
        table: { ...table, rules: [...table.rules, { ...table.rules[0], targets: [{ group: 'three', weight: 1 }] }] },
        groups: [{ name: 'one', servers: [0] }, { name: 'two', servers: [0, 5] }],
      },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        'layer7.requests shares must add up to 1, got 0.3',
        'layer7.groups[1].servers must list server indices from 0 to 1',
        'layer7.groups: a server may belong to one group only',
        'layer7.table: priority 1 is used twice',
        'layer7.table forwards to "three", which is not in layer7.groups',
      ]),
    );
  });
});
