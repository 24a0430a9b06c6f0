import { routingTableProblems, type Condition, type Rule, type RoutingTable, type WeightedTarget } from '@/lib/routing/l7-router';
import type { FieldReader } from './field-reader';
import type { Layer7Spec, RequestMixEntry, TargetGroupSpec } from './layer7';
import {
  ARRIVAL_PATTERNS,
  COST_DISTRIBUTIONS,
  MAX_CLIENTS,
  SESSION_STORES,
  type ArrivalSpec,
  type AutoscalingSpec,
  type BalancerTierSpec,
  type ClientSpec,
  type CostDistribution,
  type CostSpec,
  type FailureSpec,
  type HealthCheckSpec,
  type ScheduledChange,
  type ServerSpec,
  type SlowdownSpec,
  type SessionSpec,
  type StickinessSpec,
} from './scenario';

// One reader per section of a scenario, each appending path-qualified problems to the reader's errors.

/** One server spec at `path` (also a planned or autoscaled server's). */
export function readServer(read: FieldReader, value: unknown, path: string): ServerSpec | undefined {
  const server = read.object(value, path, ['weight', 'capacity', 'queueLimit', 'slowdown']);
  if (!server) return undefined;
  const weight = read.number(server, 'weight', path, { integer: true, min: 1 });
  const capacity = read.number(server, 'capacity', path, { integer: true, min: 1 });
  const queueLimit = read.number(server, 'queueLimit', path, { integer: true, min: 0, optional: true });
  const slowdown = readSlowdown(read, server.slowdown, `${path}.slowdown`);
  return { weight: weight ?? 1, capacity: capacity ?? 1, ...(queueLimit === undefined ? {} : { queueLimit }), ...(slowdown === undefined ? {} : { slowdown }) };
}

function readSlowdown(read: FieldReader, value: unknown, path: string): SlowdownSpec | undefined {
  if (value === undefined) return undefined;
  const fields = read.object(value, path, ['atMs', 'factor']);
  if (!fields) return undefined;
  const atMs = read.number(fields, 'atMs', path, { min: 0 });
  const factor = read.number(fields, 'factor', path, { above: 0 });
  return atMs === undefined || factor === undefined ? undefined : { atMs, factor };
}

/** The arrival pattern, with the fields that pattern needs and no others. */
export function readArrivals(read: FieldReader, value: unknown): ArrivalSpec | undefined {
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

/** Service cost, with its optional long-lived connections. */
export function readCost(read: FieldReader, value: unknown): CostSpec | undefined {
  const fields = read.object(value, 'cost', ['distribution', 'meanMs', 'longLived']);
  if (!fields) return undefined;
  const distribution = fields.distribution;
  if (!COST_DISTRIBUTIONS.some((name) => name === distribution)) read.errors.push(`cost.distribution must be one of ${COST_DISTRIBUTIONS.join(', ')}`);
  const meanMs = read.number(fields, 'meanMs', 'cost', { above: 0 }) ?? 1;
  const cost: CostSpec = { distribution: distribution as CostDistribution, meanMs };
  if (fields.longLived === undefined) return cost;
  const longLived = read.object(fields.longLived, 'cost.longLived', ['share', 'meanMs']);
  if (!longLived) return cost;
  const share = read.number(longLived, 'share', 'cost.longLived', { above: 0, max: 1 }) ?? 1;
  const longMeanMs = read.number(longLived, 'meanMs', 'cost.longLived', { above: 0 }) ?? 1;
  return { ...cost, longLived: { share, meanMs: longMeanMs } };
}

/** The client population: NAT gateways and phones. */
export function readClients(read: FieldReader, value: unknown): ClientSpec | undefined {
  if (value === undefined) return undefined;
  const fields = read.object(value, 'clients', ['count', 'natGroups', 'mobileShare', 'addressChangeEveryMs']);
  if (!fields) return undefined;
  const count = read.number(fields, 'count', 'clients', { integer: true, min: 1, max: MAX_CLIENTS }) ?? 1;
  const natGroups = read.number(fields, 'natGroups', 'clients', { integer: true, min: 1, max: count, optional: true });
  const mobileShare = read.number(fields, 'mobileShare', 'clients', { min: 0, max: 1, optional: true });
  const addressChangeEveryMs = read.number(fields, 'addressChangeEveryMs', 'clients', { above: 0, optional: true });
  if ((fields.mobileShare === undefined) !== (fields.addressChangeEveryMs === undefined)) {
    read.errors.push('clients.mobileShare and clients.addressChangeEveryMs go together: give both or neither');
  }
  return {
    count,
    ...(natGroups === undefined ? {} : { natGroups }),
    ...(mobileShare === undefined ? {} : { mobileShare }),
    ...(addressChangeEveryMs === undefined ? {} : { addressChangeEveryMs }),
  };
}

/** Planned crashes and recoveries, on servers that exist or that a planned change adds. */
export function readFailures(read: FieldReader, value: unknown, serverCount: number): FailureSpec[] | undefined {
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

/** Planned additions and removals; a removal may name a server a planned addition creates. */
export function readChanges(read: FieldReader, value: unknown, initialServers: number): ScheduledChange[] | undefined {
  if (value === undefined) return undefined;
  const entries = read.array(value, 'changes');
  if (!entries) return undefined;
  const servers = initialServers + entries.filter((entry) => (entry as { kind?: unknown } | null)?.kind === 'add-server').length;
  return entries.flatMap((entry: unknown, index): ScheduledChange[] => {
    const path = `changes[${index}]`;
    const kind = (entry as { kind?: unknown } | null)?.kind;
    const fields = read.object(entry, path, ['atMs', 'kind', kind === 'add-server' ? 'spec' : 'server']);
    if (!fields) return [];
    const atMs = read.number(fields, 'atMs', path, { min: 0 }) ?? 0;
    if (kind === 'add-server') {
      const spec = readServer(read, fields.spec, `${path}.spec`);
      return spec ? [{ atMs, kind, spec }] : [];
    }
    if (kind === 'remove-server') {
      const server = read.number(fields, 'server', path, { integer: true, min: 0, max: servers - 1 }) ?? 0;
      return [{ atMs, kind, server }];
    }
    read.errors.push(`${path}.kind must be add-server or remove-server (crash and recover belong in failures)`);
    return [];
  });
}

/** Active health-check settings, HAProxy style. */
export function readHealthCheck(read: FieldReader, value: unknown): HealthCheckSpec | undefined {
  if (value === undefined) return undefined;
  const fields = read.object(value, 'healthCheck', ['intervalMs', 'timeoutMs', 'rise', 'fall']);
  if (!fields) return undefined;
  const intervalMs = read.number(fields, 'intervalMs', 'healthCheck', { above: 0 }) ?? 1;
  const timeoutMs = read.number(fields, 'timeoutMs', 'healthCheck', { above: 0 }) ?? 1;
  // HAProxy keeps rise and fall small in practice; ALB allows 2–10. A bound keeps a typo from freezing a server's state.
  const rise = read.number(fields, 'rise', 'healthCheck', { integer: true, min: 1, max: 100 }) ?? 1;
  const fall = read.number(fields, 'fall', 'healthCheck', { integer: true, min: 1, max: 100 }) ?? 1;
  return { intervalMs, timeoutMs, rise, fall };
}

/** The autoscaling policy; the initial pool must sit within its bounds. */
export function readAutoscaling(read: FieldReader, value: unknown, initialServers: number): AutoscalingSpec | undefined {
  if (value === undefined) return undefined;
  const path = 'autoscaling';
  const fields = read.object(value, path, ['minServers', 'maxServers', 'targetUtilisation', 'evaluationIntervalMs', 'provisioningMs', 'cooldownMs', 'template', 'disableScaleIn']);
  if (!fields) return undefined;
  const minServers = read.number(fields, 'minServers', path, { integer: true, min: 1 }) ?? 1;
  // A bound keeps a typo from asking a browser tab to simulate a data centre.
  const maxServers = read.number(fields, 'maxServers', path, { integer: true, min: minServers, max: 1000 }) ?? minServers;
  if (initialServers > 0 && (initialServers < minServers || initialServers > maxServers)) {
    read.errors.push(`servers must hold between autoscaling.minServers and autoscaling.maxServers (${minServers}–${maxServers}), got ${initialServers}`);
  }
  const targetUtilisation = read.number(fields, 'targetUtilisation', path, { above: 0, below: 1 }) ?? 0.5;
  const evaluationIntervalMs = read.number(fields, 'evaluationIntervalMs', path, { above: 0 }) ?? 1;
  const provisioningMs = read.number(fields, 'provisioningMs', path, { min: 0 }) ?? 0;
  const cooldownMs = read.number(fields, 'cooldownMs', path, { min: 0 }) ?? 0;
  const template = readServer(read, fields.template, `${path}.template`) ?? { weight: 1, capacity: 1 };
  const disableScaleIn = read.boolean(fields, 'disableScaleIn', path, true);
  return { minServers, maxServers, targetUtilisation, evaluationIntervalMs, provisioningMs, cooldownMs, template, ...(disableScaleIn === undefined ? {} : { disableScaleIn }) };
}

/** Where sessions live. */
export function readSessions(read: FieldReader, value: unknown): SessionSpec | undefined {
  if (value === undefined) return undefined;
  const fields = read.object(value, 'sessions', ['store', 'lookupMs']);
  if (!fields) return undefined;
  const store = read.choice(fields, 'store', 'sessions', SESSION_STORES) ?? 'shared';
  const lookupMs = read.number(fields, 'lookupMs', 'sessions', { min: 0, optional: true });
  if (lookupMs !== undefined && store === 'server') read.errors.push('sessions.lookupMs applies to the shared store only; a session in server memory costs no lookup');
  return { store, ...(lookupMs === undefined ? {} : { lookupMs }) };
}

/** Cookie stickiness in front of the algorithm. */
export function readStickiness(read: FieldReader, value: unknown): StickinessSpec | undefined {
  if (value === undefined) return undefined;
  const fields = read.object(value, 'stickiness', ['mode', 'redispatch']);
  if (!fields) return undefined;
  const mode = read.choice(fields, 'mode', 'stickiness', ['cookie'] as const) ?? 'cookie';
  const redispatch = read.boolean(fields, 'redispatch', 'stickiness') ?? false;
  return { mode, redispatch };
}

const REDUNDANCY_FIELDS = {
  single: [],
  'active-passive': ['heartbeatIntervalMs', 'missedHeartbeats', 'takeoverMs', 'skewMs', 'preempt'],
  'dns-round-robin': ['ttlMs', 'healthCheckIntervalMs', 'failuresToRemove', 'ignoreTtlShare', 'pinnedForMs'],
} as const;

/** The balancer tier: its redundancy (lib/sim-front-door) and when each balancer fails. */
export function readBalancerTier(read: FieldReader, value: unknown): BalancerTierSpec | undefined {
  if (value === undefined) return undefined;
  const fields = read.object(value, 'balancerTier', ['redundancy', 'failures']);
  if (!fields) return undefined;
  const path = 'balancerTier.redundancy';
  const mode = (fields.redundancy as { mode?: unknown } | null)?.mode;
  const known = (Object.keys(REDUNDANCY_FIELDS) as (keyof typeof REDUNDANCY_FIELDS)[]).find((name) => name === mode);
  const redundancy = read.object(fields.redundancy, path, ['mode', ...(known ? REDUNDANCY_FIELDS[known] : [])]);
  if (!redundancy) return undefined;
  if (!known) {
    read.errors.push(`${path}.mode must be one of ${Object.keys(REDUNDANCY_FIELDS).join(', ')}`);
    return undefined;
  }
  const failures = readBalancerFailures(read, fields.failures);
  const positive = (key: string) => read.number(redundancy, key, path, { above: 0 }) ?? 1;
  switch (known) {
    case 'single':
      return { redundancy: { mode: known }, failures };
    case 'active-passive': {
      const skewMs = read.number(redundancy, 'skewMs', path, { min: 0, optional: true });
      const preempt = read.boolean(redundancy, 'preempt', path, true);
      return {
        redundancy: {
          mode: known,
          heartbeatIntervalMs: positive('heartbeatIntervalMs'),
          missedHeartbeats: read.number(redundancy, 'missedHeartbeats', path, { integer: true, min: 1 }) ?? 3,
          takeoverMs: read.number(redundancy, 'takeoverMs', path, { min: 0 }) ?? 0,
          ...(skewMs === undefined ? {} : { skewMs }),
          ...(preempt === undefined ? {} : { preempt }),
        },
        failures,
      };
    }
    case 'dns-round-robin': {
      const ignoreTtlShare = read.number(redundancy, 'ignoreTtlShare', path, { min: 0, max: 1, optional: true });
      const pinnedForMs = read.number(redundancy, 'pinnedForMs', path, { above: 0, optional: true });
      return {
        redundancy: {
          mode: known,
          ttlMs: positive('ttlMs'),
          healthCheckIntervalMs: positive('healthCheckIntervalMs'),
          failuresToRemove: read.number(redundancy, 'failuresToRemove', path, { integer: true, min: 1 }) ?? 3,
          ...(ignoreTtlShare === undefined ? {} : { ignoreTtlShare }),
          ...(pinnedForMs === undefined ? {} : { pinnedForMs }),
        },
        failures,
      };
    }
  }
}

function readBalancerFailures(read: FieldReader, value: unknown): BalancerTierSpec['failures'] {
  if (!Array.isArray(value)) {
    read.errors.push('balancerTier.failures must be an array (it may be empty)');
    return [];
  }
  return value.flatMap((entry: unknown, index) => {
    const path = `balancerTier.failures[${index}]`;
    const fields = read.object(entry, path, ['atMs', 'balancer', 'kind']);
    if (!fields) return [];
    const atMs = read.number(fields, 'atMs', path, { min: 0 }) ?? 0;
    const balancer = read.number(fields, 'balancer', path, { integer: true, min: 0, max: 1 }) === 1 ? 1 : 0;
    const kind = read.choice(fields, 'kind', path, ['crash', 'recover'] as const);
    return kind === undefined ? [] : [{ atMs, balancer, kind }];
  });
}

const CONDITION_FIELDS = ['host', 'path', 'method', 'header', 'cookie'] as const;

/** Layer 7 routing: the request mix, ALB-style listener rules, and the target groups they forward to. */
export function readLayer7(read: FieldReader, value: unknown, serverCount: number): Layer7Spec | undefined {
  if (value === undefined) return undefined;
  const fields = read.object(value, 'layer7', ['requests', 'table', 'groups']);
  if (!fields) return undefined;
  const requests = readList(read, fields.requests, 'layer7.requests', (entry, path): RequestMixEntry | undefined => {
    const request = read.object(entry, path, ['method', 'host', 'path', 'share']);
    if (!request) return undefined;
    const share = read.number(request, 'share', path, { above: 0, max: 1 }) ?? 0;
    const text = (key: string, fallback: string) => (request[key] === undefined ? fallback : typeof request[key] === 'string' ? (request[key] as string) : (read.errors.push(`${path}.${key} must be text`), fallback));
    const requestPath = text('path', '/');
    if (!requestPath.startsWith('/')) read.errors.push(`${path}.path must start with /`);
    return { method: text('method', 'GET'), host: text('host', 'shop.example.com'), path: requestPath, share };
  });
  const total = requests.reduce((sum, entry) => sum + entry.share, 0);
  if (requests.length > 0 && Math.abs(total - 1) > 1e-6) read.errors.push(`layer7.requests shares must add up to 1, got ${total}`);

  const groups = readList(read, fields.groups, 'layer7.groups', (entry, path): TargetGroupSpec | undefined => {
    const group = read.object(entry, path, ['name', 'servers']);
    if (!group) return undefined;
    const servers = Array.isArray(group.servers) ? group.servers : [];
    if (typeof group.name !== 'string' || group.name === '') read.errors.push(`${path}.name must be text`);
    if (servers.length === 0 || !servers.every((index) => Number.isInteger(index) && index >= 0 && index < serverCount)) {
      read.errors.push(`${path}.servers must list server indices from 0 to ${serverCount - 1}`);
    }
    return { name: String(group.name), servers: servers as number[] };
  });
  const grouped = groups.flatMap((group) => group.servers);
  if (new Set(grouped).size !== grouped.length) read.errors.push('layer7.groups: a server may belong to one group only');

  const table = readRoutingTable(read, fields.table);
  if (table) {
    read.errors.push(...routingTableProblems(table).map((problem) => `layer7.table: ${problem}`));
    const names = new Set(groups.map((group) => group.name));
    for (const target of [...table.rules.flatMap((rule) => rule.targets), ...table.defaultTargets]) {
      if (!names.has(target.group)) read.errors.push(`layer7.table forwards to "${target.group}", which is not in layer7.groups`);
    }
  }
  return table ? { requests, table, groups } : undefined;
}

function readRoutingTable(read: FieldReader, value: unknown): RoutingTable | undefined {
  const fields = read.object(value, 'layer7.table', ['rules', 'defaultTargets']);
  if (!fields) return undefined;
  const rules = readList(read, fields.rules, 'layer7.table.rules', (entry, path): Rule | undefined => {
    const rule = read.object(entry, path, ['priority', 'conditions', 'targets']);
    if (!rule) return undefined;
    const priority = read.number(rule, 'priority', path, { integer: true, min: 1, max: 50_000 }) ?? 1;
    const conditions = readList(read, rule.conditions, `${path}.conditions`, (item, at): Condition | undefined => readCondition(read, item, at));
    return { priority, conditions, targets: readTargets(read, rule.targets, `${path}.targets`) };
  });
  return { rules, defaultTargets: readTargets(read, fields.defaultTargets, 'layer7.table.defaultTargets') };
}

function readCondition(read: FieldReader, value: unknown, path: string): Condition | undefined {
  const field = (value as { field?: unknown } | null)?.field;
  const named = field === 'header' || field === 'cookie';
  const condition = read.object(value, path, ['field', 'values', ...(named ? ['name'] : [])]);
  if (!condition) return undefined;
  const kind = read.choice(condition, 'field', path, CONDITION_FIELDS);
  const values = Array.isArray(condition.values) && condition.values.length > 0 && condition.values.every((item) => typeof item === 'string') ? (condition.values as string[]) : undefined;
  if (!values) read.errors.push(`${path}.values must be a non-empty list of text`);
  if (kind === undefined || !values) return undefined;
  if (kind === 'header' || kind === 'cookie') {
    if (typeof condition.name !== 'string' || condition.name === '') {
      read.errors.push(`${path}.name must name the ${kind}`);
      return undefined;
    }
    return { field: kind, name: condition.name, values };
  }
  return { field: kind, values };
}

function readTargets(read: FieldReader, value: unknown, path: string): WeightedTarget[] {
  return readList(read, value, path, (entry, at): WeightedTarget | undefined => {
    const target = read.object(entry, at, ['group', 'weight']);
    if (!target) return undefined;
    if (typeof target.group !== 'string') read.errors.push(`${at}.group must be text`);
    return { group: String(target.group), weight: read.number(target, 'weight', at, { integer: true, min: 0, max: 999 }) ?? 0 };
  });
}

/** A list at `path`, each entry read by `readEntry`; entries it cannot read are left out (their problems are already reported). */
function readList<T>(read: FieldReader, value: unknown, path: string, readEntry: (entry: unknown, path: string) => T | undefined): T[] {
  if (!Array.isArray(value)) {
    read.errors.push(`${path} must be an array`);
    return [];
  }
  return value.flatMap((entry: unknown, index) => {
    const item = readEntry(entry, `${path}[${index}]`);
    return item === undefined ? [] : [item];
  });
}
