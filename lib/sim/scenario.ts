import { ALGORITHM_NAMES, isAlgorithmName } from '@/lib/balancers/registry';
import type { AlgorithmName } from '@/lib/balancers/types';

/** One backend: its balancing weight, how many requests it serves at once (M/M/c's c), and how many more may wait. */
export interface ServerSpec {
  weight: number;
  capacity: number;
  /** Requests that may wait beyond `capacity`; omitted means unbounded, as queueing theory assumes. */
  queueLimit?: number;
}

/** When requests arrive: a Poisson stream, optionally in bursts, with a temporary spike, or ramping up. */
export type ArrivalSpec =
  | { pattern: 'poisson'; ratePerSecond: number }
  /** Bursts of `burstSize` simultaneous requests; bursts arrive as a Poisson stream, so the mean rate is `ratePerSecond`. */
  | { pattern: 'burst'; ratePerSecond: number; burstSize: number }
  /** Poisson at `ratePerSecond`, multiplied by `spikeMultiplier` from `spikeAtMs` for `spikeDurationMs`. */
  | { pattern: 'spike'; ratePerSecond: number; spikeAtMs: number; spikeDurationMs: number; spikeMultiplier: number }
  /** Poisson whose rate climbs linearly from `fromRatePerSecond` to `ratePerSecond` over the first `rampMs`. */
  | { pattern: 'ramp'; ratePerSecond: number; fromRatePerSecond: number; rampMs: number };

/** The arrival patterns, in the order a UI should offer them. */
export const ARRIVAL_PATTERNS = ['poisson', 'burst', 'spike', 'ramp'] as const satisfies readonly ArrivalSpec['pattern'][];

/** How long serving one request takes, once a server starts on it. */
export type CostDistribution = 'constant' | 'exponential' | 'heavy-tailed';

/** The service-time distributions, in the order a UI should offer them. */
export const COST_DISTRIBUTIONS = ['constant', 'exponential', 'heavy-tailed'] as const satisfies readonly CostDistribution[];

/** Service time per request: its distribution and its mean. */
export interface CostSpec {
  distribution: CostDistribution;
  meanMs: number;
}

/** Who sends the requests: `count` clients, each with its own session key, optionally behind `natGroups` shared addresses. */
export interface ClientSpec {
  count: number;
  natGroups?: number;
}

/** A scheduled change to one server (by its index in `servers`). A crash loses every request it holds. */
export interface FailureSpec {
  atMs: number;
  server: number;
  kind: 'crash' | 'recover';
}

/** Everything one run depends on: the same scenario always produces the same metrics. */
export interface Scenario {
  seed: number;
  algorithm: AlgorithmName;
  servers: ServerSpec[];
  arrivals: ArrivalSpec;
  cost: CostSpec;
  /** Stop sending after this many requests. At least one of `requests` and `durationMs` is required. */
  requests?: number;
  /** Stop sending at this simulated time. */
  durationMs?: number;
  /** The first requests run but are not measured, so a queue that starts empty does not flatter the results. */
  warmupRequests?: number;
  clients?: ClientSpec;
  failures?: FailureSpec[];
}

/** Clients get distinct addresses up to this many (see clients.ts). */
export const MAX_CLIENTS = 100_000;

/** The outcome of validating untrusted input (a JSON file, a form) as a scenario. */
export type ScenarioValidation = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

/** Checks untrusted input field by field and lists every problem, each with its path (`servers[1].weight must be ...`). */
export function validateScenario(input: unknown): ScenarioValidation {
  const errors: string[] = [];
  const read = new FieldReader(errors);
  const root = read.object(input, 'scenario', ['seed', 'algorithm', 'servers', 'arrivals', 'cost', 'requests', 'durationMs', 'warmupRequests', 'clients', 'failures']);
  if (!root) return { ok: false, errors };

  const seed = read.number(root, 'seed', '', { integer: true });
  const algorithm = root.algorithm;
  if (typeof algorithm !== 'string' || !isAlgorithmName(algorithm)) errors.push(`algorithm must be one of ${ALGORITHM_NAMES.join(', ')}`);

  const servers: ServerSpec[] = [];
  if (!Array.isArray(root.servers) || root.servers.length === 0) errors.push('servers must be a non-empty array');
  else {
    root.servers.forEach((value: unknown, index) => {
      const path = `servers[${index}]`;
      const server = read.object(value, path, ['weight', 'capacity', 'queueLimit']);
      if (!server) return;
      const weight = read.number(server, 'weight', path, { integer: true, min: 1 });
      const capacity = read.number(server, 'capacity', path, { integer: true, min: 1 });
      const queueLimit = read.number(server, 'queueLimit', path, { integer: true, min: 0, optional: true });
      servers.push({ weight: weight ?? 1, capacity: capacity ?? 1, ...(queueLimit === undefined ? {} : { queueLimit }) });
    });
  }

  const arrivals = readArrivals(read, root.arrivals);
  const costFields = read.object(root.cost, 'cost', ['distribution', 'meanMs']);
  const distribution = costFields?.distribution;
  if (costFields && !COST_DISTRIBUTIONS.some((name) => name === distribution)) errors.push(`cost.distribution must be one of ${COST_DISTRIBUTIONS.join(', ')}`);
  const meanMs = costFields && read.number(costFields, 'meanMs', 'cost', { above: 0 });

  const requests = read.number(root, 'requests', '', { integer: true, min: 1, optional: true });
  const durationMs = read.number(root, 'durationMs', '', { above: 0, optional: true });
  if (requests === undefined && durationMs === undefined && root.requests === undefined && root.durationMs === undefined) {
    errors.push('one of requests or durationMs is required, or the run would never end');
  }
  const warmupRequests = read.number(root, 'warmupRequests', '', { integer: true, min: 0, optional: true });
  if (warmupRequests !== undefined && requests !== undefined && warmupRequests >= requests) errors.push('warmupRequests must be less than requests, or nothing is measured');

  const clients = readClients(read, root.clients);
  const failures = readFailures(read, root.failures, servers.length);

  if (errors.length > 0) return { ok: false, errors };
  const scenario: Scenario = {
    seed: seed!,
    algorithm: algorithm as AlgorithmName,
    servers,
    arrivals: arrivals!,
    cost: { distribution: distribution as CostDistribution, meanMs: meanMs! },
    ...(requests === undefined ? {} : { requests }),
    ...(durationMs === undefined ? {} : { durationMs }),
    ...(warmupRequests === undefined ? {} : { warmupRequests }),
    ...(clients === undefined ? {} : { clients }),
    ...(failures === undefined ? {} : { failures }),
  };
  return { ok: true, scenario };
}

function readArrivals(read: FieldReader, value: unknown): ArrivalSpec | undefined {
  const pattern = (value as { pattern?: unknown } | null)?.pattern;
  const extra = { poisson: [], burst: ['burstSize'], spike: ['spikeAtMs', 'spikeDurationMs', 'spikeMultiplier'], ramp: ['fromRatePerSecond', 'rampMs'] };
  const known = ARRIVAL_PATTERNS.find((name) => name === pattern);
  const fields = read.object(value, 'arrivals', ['pattern', 'ratePerSecond', ...(known ? extra[known] : [])]);
  if (!fields) return undefined;
  if (!known) {
    read.errors.push(`arrivals.pattern must be one of ${ARRIVAL_PATTERNS.join(', ')}`);
    return undefined;
  }
  const ratePerSecond = read.number(fields, 'ratePerSecond', 'arrivals', { above: 0 }) ?? 1;
  switch (known) {
    case 'poisson':
      return { pattern: known, ratePerSecond };
    case 'burst':
      return { pattern: known, ratePerSecond, burstSize: read.number(fields, 'burstSize', 'arrivals', { integer: true, min: 1 }) ?? 1 };
    case 'spike':
      return {
        pattern: known,
        ratePerSecond,
        spikeAtMs: read.number(fields, 'spikeAtMs', 'arrivals', { min: 0 }) ?? 0,
        spikeDurationMs: read.number(fields, 'spikeDurationMs', 'arrivals', { above: 0 }) ?? 1,
        spikeMultiplier: read.number(fields, 'spikeMultiplier', 'arrivals', { above: 0 }) ?? 1,
      };
    case 'ramp':
      return {
        pattern: known,
        ratePerSecond,
        fromRatePerSecond: read.number(fields, 'fromRatePerSecond', 'arrivals', { min: 0 }) ?? 0,
        rampMs: read.number(fields, 'rampMs', 'arrivals', { above: 0 }) ?? 1,
      };
  }
}

function readClients(read: FieldReader, value: unknown): ClientSpec | undefined {
  if (value === undefined) return undefined;
  const fields = read.object(value, 'clients', ['count', 'natGroups']);
  if (!fields) return undefined;
  const count = read.number(fields, 'count', 'clients', { integer: true, min: 1, max: MAX_CLIENTS }) ?? 1;
  const natGroups = read.number(fields, 'natGroups', 'clients', { integer: true, min: 1, max: count, optional: true });
  return natGroups === undefined ? { count } : { count, natGroups };
}

function readFailures(read: FieldReader, value: unknown, serverCount: number): FailureSpec[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    read.errors.push('failures must be an array');
    return undefined;
  }
  return value.flatMap((entry: unknown, index): FailureSpec[] => {
    const path = `failures[${index}]`;
    const fields = read.object(entry, path, ['atMs', 'server', 'kind']);
    if (!fields) return [];
    const atMs = read.number(fields, 'atMs', path, { min: 0 }) ?? 0;
    const server = read.number(fields, 'server', path, { integer: true, min: 0, max: Math.max(0, serverCount - 1) }) ?? 0;
    const kind = fields.kind;
    if (kind !== 'crash' && kind !== 'recover') {
      read.errors.push(`${path}.kind must be crash or recover`);
      return [];
    }
    return [{ atMs, server, kind }];
  });
}

interface NumberRule {
  integer?: boolean;
  min?: number;
  max?: number;
  /** Exclusive lower bound. */
  above?: number;
  optional?: boolean;
}

/** Reads fields of untrusted objects, appending one readable line per problem to `errors`. */
class FieldReader {
  constructor(readonly errors: string[]) {}

  object(value: unknown, path: string, allowed: readonly string[]): Record<string, unknown> | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.errors.push(`${path} must be an object`);
      return undefined;
    }
    // A misspelt field is an error, not a silent default.
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.errors.push(`${path === 'scenario' ? key : `${path}.${key}`} is not a known field (expected ${allowed.join(', ')})`);
    }
    return value as Record<string, unknown>;
  }

  number(fields: Record<string, unknown>, key: string, path: string, rule: NumberRule): number | undefined {
    const at = path ? `${path}.${key}` : key;
    const value = fields[key];
    const fail = (problem: string) => {
      this.errors.push(`${at} ${problem}${value === undefined ? '' : `, got ${JSON.stringify(value)}`}`);
      return undefined;
    };
    if (value === undefined) return rule.optional ? undefined : fail('is required');
    if (typeof value !== 'number' || !Number.isFinite(value)) return fail('must be a finite number');
    if (rule.integer && !Number.isInteger(value)) return fail('must be an integer');
    if (rule.min !== undefined && value < rule.min) return fail(`must be at least ${rule.min}`);
    if (rule.max !== undefined && value > rule.max) return fail(`must be at most ${rule.max}`);
    if (rule.above !== undefined && value <= rule.above) return fail(`must be greater than ${rule.above}`);
    return value;
  }
}
