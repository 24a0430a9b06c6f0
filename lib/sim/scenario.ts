import type { ActiveCheckConfig } from '@/lib/health/active-check';
import { ALGORITHM_NAMES, isAlgorithmName } from '@/lib/balancers/registry';
import type { AlgorithmName } from '@/lib/balancers/types';
import { FieldReader } from './field-reader';
import type { BalancerFailure, FrontDoorSpec } from '@/lib/sim-front-door/types';
import type { Layer7Spec } from './layer7';
import { readArrivals, readAutoscaling, readBalancerTier, readChanges, readClients, readCost, readFailures, readHealthCheck, readLayer7, readServer, readSessions, readStickiness } from './scenario-sections';

/** One backend: its balancing weight, how many requests it serves at once (M/M/c's c), and how many more may wait. */
export interface ServerSpec {
  weight: number;
  capacity: number;
  /** Requests that may wait beyond `capacity`; omitted means unbounded, as queueing theory assumes. */
  queueLimit?: number;
  /** Slow but alive: from `atMs` on, every request it starts takes `factor` times its cost (a noisy neighbour, a bad deploy). */
  slowdown?: SlowdownSpec;
}

export interface SlowdownSpec {
  atMs: number;
  factor: number;
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

/**
 * Long-lived connections (WebSockets, server-sent events): `share` of arrivals open a connection
 * that stays for an exponential time of mean `meanMs`. See simulator.ts for what they cost a server.
 */
export interface LongLivedSpec {
  share: number;
  meanMs: number;
}

/** Service time per request: its distribution and its mean, and optionally a share of long-lived connections. */
export interface CostSpec {
  distribution: CostDistribution;
  meanMs: number;
  longLived?: LongLivedSpec;
}

/**
 * Who sends the requests: `count` clients, each with its own session key, optionally behind
 * `natGroups` shared addresses. `mobileShare` of them are phones that move to a new network (a new
 * /24 of the carrier range, not the NAT's) every `addressChangeEveryMs`; the two fields go together.
 */
export interface ClientSpec {
  count: number;
  natGroups?: number;
  mobileShare?: number;
  addressChangeEveryMs?: number;
}

/** A scheduled change to one server (by its index in `servers`). A crash loses every request it holds. */
export interface FailureSpec {
  atMs: number;
  server: number;
  kind: 'crash' | 'recover';
}

/**
 * Something done to the pool while it runs, by the lab's buttons or a scenario's schedule. Servers
 * are named by index; an added server takes the next index, and a removed one keeps its place.
 */
export type PoolCommand =
  | { kind: 'crash'; server: number }
  | { kind: 'recover'; server: number }
  /** Stop sending it new requests, let it finish what it holds (connection draining), then it is gone. */
  | { kind: 'remove-server'; server: number }
  | { kind: 'add-server'; spec: ServerSpec };

/** An operator's change planned at a simulated time: adding or removing a server. */
export type ScheduledChange = { atMs: number } & Extract<PoolCommand, { kind: 'add-server' | 'remove-server' }>;

/** Active health checks on the simulated clock, counted as HAProxy does (lib/health/active-check.ts). */
export type HealthCheckSpec = Pick<ActiveCheckConfig, 'intervalMs' | 'timeoutMs' | 'rise' | 'fall'>;

/** A target-tracking scaling policy (modelled on AWS target tracking; the policy is in autoscaler.ts). */
export interface AutoscalingSpec {
  minServers: number;
  maxServers: number;
  /** Mean busy share of the servers in service that the policy steers towards, above 0 and below 1. */
  targetUtilisation: number;
  evaluationIntervalMs: number;
  /** Boot time of a new server before it can join. */
  provisioningMs: number;
  /** Least time between two scaling actions. */
  cooldownMs: number;
  /** What a new server looks like. */
  template: ServerSpec;
  /** As AWS `DisableScaleIn`: when true the policy only ever adds servers. */
  disableScaleIn?: boolean;
}

/** The session store: `server` keeps sessions in the memory of the server that made them; `shared` is a Redis-like store every server reads. */
export type SessionStore = 'server' | 'shared';

export const SESSION_STORES = ['server', 'shared'] as const satisfies readonly SessionStore[];

/** Where logged-in state lives; `lookupMs` is what the shared store adds to each request's cost. */
export interface SessionSpec {
  store: SessionStore;
  lookupMs?: number;
}

/** HAProxy `cookie SERVERID insert` in front of the algorithm (lib/balancers/cookie-stickiness.ts). */
export interface StickinessSpec {
  mode: 'cookie';
  /** HAProxy `option redispatch`: when the pinned server refuses the connection, send the request elsewhere. */
  redispatch: boolean;
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
  /** Servers added or removed at set times. */
  changes?: ScheduledChange[];
  /** Without it the balancer knows at once when a server is down; with it, only through checks. */
  healthCheck?: HealthCheckSpec;
  autoscaling?: AutoscalingSpec;
  sessions?: SessionSpec;
  stickiness?: StickinessSpec;
  /** The balancer tier itself, which can fail; without it the balancer never does. */
  balancerTier?: BalancerTierSpec;
  /** Route by method, host and path to target groups (AWS ALB rules), then balance within the group. */
  layer7?: Layer7Spec;
}

/** How clients reach the balancers (one, an active-passive pair, or DNS round robin) and when a balancer fails. */
export interface BalancerTierSpec {
  redundancy: FrontDoorSpec;
  failures: BalancerFailure[];
}

/** Clients get distinct addresses up to this many (see clients.ts). */
export const MAX_CLIENTS = 100_000;

/** The outcome of validating untrusted input (a JSON file, a form) as a scenario. */
export type ScenarioValidation = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

const SCENARIO_FIELDS = [
  'seed',
  'algorithm',
  'servers',
  'arrivals',
  'cost',
  'requests',
  'durationMs',
  'warmupRequests',
  'clients',
  'failures',
  'changes',
  'healthCheck',
  'autoscaling',
  'sessions',
  'stickiness',
  'balancerTier',
  'layer7',
];

/** Checks untrusted input field by field and lists every problem, each with its path (`servers[1].weight must be ...`). */
export function validateScenario(input: unknown): ScenarioValidation {
  const errors: string[] = [];
  const read = new FieldReader(errors);
  const root = read.object(input, 'scenario', SCENARIO_FIELDS);
  if (!root) return { ok: false, errors };

  const seed = read.number(root, 'seed', '', { integer: true });
  const algorithm = root.algorithm;
  if (typeof algorithm !== 'string' || !isAlgorithmName(algorithm)) errors.push(`algorithm must be one of ${ALGORITHM_NAMES.join(', ')}`);

  const servers: ServerSpec[] = [];
  if (!Array.isArray(root.servers) || root.servers.length === 0) errors.push('servers must be a non-empty array');
  else {
    root.servers.forEach((value: unknown, index) => {
      const server = readServer(read, value, `servers[${index}]`);
      if (server) servers.push(server);
    });
  }

  const arrivals = readArrivals(read, root.arrivals);
  const cost = readCost(read, root.cost);

  const requests = read.number(root, 'requests', '', { integer: true, min: 1, optional: true });
  const durationMs = read.number(root, 'durationMs', '', { above: 0, optional: true });
  if (requests === undefined && durationMs === undefined && root.requests === undefined && root.durationMs === undefined) {
    errors.push('one of requests or durationMs is required, or the run would never end');
  }
  const warmupRequests = read.number(root, 'warmupRequests', '', { integer: true, min: 0, optional: true });
  if (warmupRequests !== undefined && requests !== undefined && warmupRequests >= requests) errors.push('warmupRequests must be less than requests, or nothing is measured');

  const clients = readClients(read, root.clients);
  const changes = readChanges(read, root.changes, servers.length);
  // A failure or removal may name a server that a planned change adds; one that never exists is ignored at run time.
  const serverCount = servers.length + (changes ?? []).filter((change) => change.kind === 'add-server').length;
  const failures = readFailures(read, root.failures, serverCount);
  const healthCheck = readHealthCheck(read, root.healthCheck);
  const autoscaling = readAutoscaling(read, root.autoscaling, servers.length);
  const sessions = readSessions(read, root.sessions);
  const stickiness = readStickiness(read, root.stickiness);
  const balancerTier = readBalancerTier(read, root.balancerTier);
  const layer7 = readLayer7(read, root.layer7, servers.length);
  if (layer7 && root.stickiness !== undefined) errors.push('layer7 and stickiness cannot be combined yet: stickiness would bypass the listener rules');

  if (errors.length > 0) return { ok: false, errors };
  const scenario: Scenario = {
    seed: seed!,
    algorithm: algorithm as AlgorithmName,
    servers,
    arrivals: arrivals!,
    cost: cost!,
    ...(requests === undefined ? {} : { requests }),
    ...(durationMs === undefined ? {} : { durationMs }),
    ...(warmupRequests === undefined ? {} : { warmupRequests }),
    ...(clients === undefined ? {} : { clients }),
    ...(failures === undefined ? {} : { failures }),
    ...(changes === undefined ? {} : { changes }),
    ...(healthCheck === undefined ? {} : { healthCheck }),
    ...(autoscaling === undefined ? {} : { autoscaling }),
    ...(sessions === undefined ? {} : { sessions }),
    ...(stickiness === undefined ? {} : { stickiness }),
    ...(balancerTier === undefined ? {} : { balancerTier }),
    ...(layer7 === undefined ? {} : { layer7 }),
  };
  return { ok: true, scenario };
}
