// `npm run sim -- ...`: runs one load-balancing scenario headless and prints what happened.
// Exit codes: 0 done, 2 bad flags or an invalid scenario, 1 anything unexpected.
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { algorithms, ALGORITHM_NAMES } from '@/lib/balancers/registry';
import type { MetricsSummary } from '@/lib/sim/metrics';
import { findNamedScenario, NAMED_SCENARIOS } from '@/lib/sim/named-scenarios';
import { validateScenario, type Scenario, type ValidScenario } from '@/lib/sim/scenario';
import { runSimulation, type RouteDecision } from '@/lib/sim/simulator';
import { DEFAULT_SWEEP, parseUtilisations, runSweep } from '@/lib/queueing/utilisation-sweep';
import { formatSweep, sweepSpecFrom } from './sim-sweep';
import { formatOverload, OVERLOAD_FLAGS, OVERLOAD_USAGE, overloadFromFlags } from './sim-overload-flags';

const USAGE = `Usage: npm run sim -- [options]

  --scenario FILE|NAME   a scenario as JSON (see lib/sim/scenario.ts), or a named one from --list
                         (NAME runs its first variant, NAME:2 its second); --algorithm and --seed may override it
  --algorithm NAME       balancing algorithm (default round-robin; --list shows them all)
  --servers N            number of servers (default 3, or one per weight)
  --weights 5,1,1        server weights (default all 1)
  --capacity C           requests each server serves at once (default 4)
  --queue-limit Q        requests that may wait at each server (default unbounded)
  --rate R               arrivals per second, Poisson (default: 70% of total capacity)
  --requests N           requests to send (default 10000)
  --duration MS          stop sending at this simulated time instead
  --warmup N             leave the first N requests out of the metrics
  --cost DIST            exponential | constant | heavy-tailed (default exponential)
  --cost-mean MS         mean service time in ms (default 10)
  --clients N            distinct clients (default 100)
  --seed S               integer seed; the same seed gives the same run (default 1)
  --trace N              print the first N routing decisions
  --sweep LOADS          sweep offered load instead of one run: LOADS is from:to:step (0.1:0.95:0.05) or a
                         list (0.5,0.7,0.9) of shares of the fleet's capacity; prints p50/p99 beside M/M/c.
                         Takes --algorithm (default least-connections), --servers (4), --capacity (workers
                         per server, 1), --cost-mean (10), --requests (per point, 40000) and --seed
  --json                 print the scenario and metrics as JSON
  --list                 list the algorithms and the named scenarios, and exit
  --help                 show this help
${OVERLOAD_USAGE}`;

/** A problem with the command line or the scenario: reported on stderr with exit code 2. */
class UsageError extends Error {}

const FLAGS = {
  scenario: { type: 'string' },
  algorithm: { type: 'string' },
  servers: { type: 'string' },
  weights: { type: 'string' },
  capacity: { type: 'string' },
  'queue-limit': { type: 'string' },
  rate: { type: 'string' },
  requests: { type: 'string' },
  duration: { type: 'string' },
  warmup: { type: 'string' },
  cost: { type: 'string' },
  'cost-mean': { type: 'string' },
  clients: { type: 'string' },
  seed: { type: 'string' },
  trace: { type: 'string' },
  sweep: { type: 'string' },
  json: { type: 'boolean' },
  list: { type: 'boolean' },
  help: { type: 'boolean' },
  ...OVERLOAD_FLAGS,
} as const;

type Flags = ReturnType<typeof parseFlags>;

function parseFlags(args: string[]) {
  try {
    return parseArgs({ args, options: FLAGS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function numberFlag(flags: Flags, name: keyof Flags): number | undefined {
  const text = flags[name];
  if (typeof text !== 'string') return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--${name} must be a number, got '${text}'`);
  return value;
}

/** The scenario the flags describe: a file (with --algorithm/--seed overrides) or one built from flags. */
function scenarioFrom(flags: Flags): ValidScenario {
  let input: Record<string, unknown>;
  if (flags.scenario !== undefined) {
    const building = (['servers', 'weights', 'capacity', 'queue-limit', 'rate', 'requests', 'duration', 'warmup', 'cost', 'cost-mean', 'clients'] as const).filter((name) => flags[name] !== undefined);
    if (building.length > 0) throw new UsageError(`--${building[0]} cannot be combined with --scenario; edit the file instead`);
    input = namedOrFileScenario(flags.scenario);
  } else {
    input = scenarioFromFlags(flags);
  }
  if (flags.algorithm !== undefined) input.algorithm = flags.algorithm;
  if (flags.seed !== undefined) input.seed = numberFlag(flags, 'seed');
  const overload = overloadFromFlags(flags, input.overload as Record<string, unknown> | undefined, (message) => {
    throw new UsageError(message);
  });
  if (overload !== undefined) input.overload = overload;
  const result = validateScenario(input);
  if (!result.ok) throw new UsageError(`invalid scenario:\n  ${result.errors.join('\n  ')}`);
  return result.scenario;
}

/** A named scenario's variant (`NAME` or `NAME:2`), or else a scenario file. */
function namedOrFileScenario(argument: string): Record<string, unknown> {
  const match = /^([a-z0-9]+(?:-[a-z0-9]+)*)(?::(\d+))?$/.exec(argument);
  const named = match ? findNamedScenario(match[1]!) : undefined;
  if (!named) {
    if (match && !existsSync(argument)) throw new UsageError(`unknown scenario '${argument}': no named scenario has that id and no such file exists (--list shows the named ones)`);
    return readScenarioFile(argument);
  }
  const number = Number(match?.[2] ?? 1);
  const variant = named.variants[number - 1];
  if (!variant) throw new UsageError(`scenario ${named.id} has ${named.variants.length} variant${named.variants.length === 1 ? '' : 's'}; ask for ${named.variants.map((_, index) => `${named.id}:${index + 1}`).join(' or ')}`);
  return structuredClone(variant.scenario) as unknown as Record<string, unknown>;
}

function readScenarioFile(file: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read scenario ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UsageError(`scenario ${file} must hold a JSON object`);
  return parsed as Record<string, unknown>;
}

function scenarioFromFlags(flags: Flags): Record<string, unknown> {
  const weights = flags.weights?.split(',').map((text) => Number(text.trim()));
  if (weights?.some((weight) => !Number.isInteger(weight) || weight < 1)) throw new UsageError(`--weights must be positive integers separated by commas, got '${flags.weights}'`);
  const count = numberFlag(flags, 'servers') ?? weights?.length ?? 3;
  if (weights && weights.length !== count) throw new UsageError(`--weights lists ${weights.length} weights but --servers is ${count}`);
  if (!Number.isInteger(count) || count < 1) throw new UsageError(`--servers must be a positive integer, got '${flags.servers}'`);
  const capacity = numberFlag(flags, 'capacity') ?? 4;
  const queueLimit = numberFlag(flags, 'queue-limit');
  const meanMs = numberFlag(flags, 'cost-mean') ?? 10;
  const duration = numberFlag(flags, 'duration');
  const clients = numberFlag(flags, 'clients');
  const warmup = numberFlag(flags, 'warmup');
  return {
    seed: 1,
    algorithm: 'round-robin',
    servers: Array.from({ length: count }, (_, index) => ({ weight: weights?.[index] ?? 1, capacity, ...(queueLimit === undefined ? {} : { queueLimit }) })),
    arrivals: { pattern: 'poisson', ratePerSecond: numberFlag(flags, 'rate') ?? (0.7 * count * capacity * 1000) / meanMs },
    cost: { distribution: flags.cost ?? 'exponential', meanMs },
    requests: numberFlag(flags, 'requests') ?? (duration === undefined ? 10_000 : undefined),
    durationMs: duration,
    ...(warmup === undefined ? {} : { warmupRequests: warmup }),
    ...(clients === undefined ? {} : { clients: { count: clients } }),
  };
}

function listAlgorithmsAndScenarios(): string {
  const width = Math.max(...ALGORITHM_NAMES.map((name) => name.length));
  const scenarioWidth = Math.max(...NAMED_SCENARIOS.map((named) => named.id.length));
  return [
    ...ALGORITHM_NAMES.map((name) => `${name.padEnd(width)}  ${algorithms[name].summary}`),
    '',
    'Named scenarios (--scenario NAME runs the first variant, NAME:2 the second):',
    ...NAMED_SCENARIOS.map((named) => `${named.id.padEnd(scenarioWidth)}  ${named.title} [${named.variants.map((variant, index) => `${index + 1}: ${variant.label}`).join(' | ')}]`),
  ].join('\n');
}

const ms = (value: number) => (Number.isNaN(value) ? '–' : value < 10 ? value.toFixed(2) : value.toFixed(1));

function describe(scenario: Scenario): string {
  const capacity = scenario.servers.reduce((sum, server) => sum + server.capacity, 0);
  const load = (scenario.arrivals.ratePerSecond * scenario.cost.meanMs) / 1000 / capacity;
  const weights = scenario.servers.map((server) => server.weight).join(',');
  return [
    `${scenario.algorithm} · ${scenario.servers.length} servers (weights ${weights}) · ${scenario.arrivals.pattern} ${scenario.arrivals.ratePerSecond.toFixed(0)} req/s`,
    `${scenario.cost.distribution} cost, mean ${scenario.cost.meanMs} ms · offered load ρ = ${load.toFixed(2)} · seed ${scenario.seed}`,
    ...features(scenario),
  ].join('\n');
}

/** One line per optional feature the scenario turns on. */
function features(scenario: Scenario): string[] {
  const { clients, cost, healthCheck: check, autoscaling: scaling, sessions, stickiness, changes } = scenario;
  return [
    cost.longLived && `long-lived connections: ${(cost.longLived.share * 100).toFixed(0)}% of arrivals, open for ${cost.longLived.meanMs} ms on average`,
    clients?.natGroups && `${clients.count} clients behind ${clients.natGroups} NAT address${clients.natGroups === 1 ? '' : 'es'}`,
    clients?.mobileShare && `${(clients.mobileShare * 100).toFixed(0)}% of clients are phones changing network every ${clients.addressChangeEveryMs} ms`,
    changes && `pool changes: ${changes.map((change) => `${change.kind}${change.kind === 'remove-server' ? ` #${change.server}` : ''} at ${change.atMs} ms`).join(', ')}`,
    check && `health checks every ${check.intervalMs} ms (timeout ${check.timeoutMs} ms), rise ${check.rise}, fall ${check.fall}`,
    scaling && `autoscaling ${scaling.minServers}–${scaling.maxServers} servers towards ${(scaling.targetUtilisation * 100).toFixed(0)}% busy, boot ${scaling.provisioningMs} ms`,
    sessions && `sessions in ${sessions.store === 'server' ? 'server memory' : `a shared store${sessions.lookupMs ? ` (+${sessions.lookupMs} ms a request)` : ''}`}`,
    stickiness && `cookie stickiness${stickiness.redispatch ? ' with redispatch' : ''}`,
  ].filter((line): line is string => typeof line === 'string');
}

function formatTrace(decision: RouteDecision): string {
  return `#${String(decision.request).padEnd(6)} ${ms(decision.atMs).padStart(9)} ms  ${decision.clientIp.padEnd(15)}  ${decision.sessionKey.padEnd(14)} → ${decision.server ?? 'dropped (no usable backend)'}`;
}

function formatSummary(metrics: MetricsSummary, scenario: Scenario): string {
  const { latencyMs: latency } = metrics;
  const showOpen = scenario.cost.longLived !== undefined;
  const showState = metrics.servers.some((server) => server.state !== 'up');
  const rows = metrics.servers.map((server) => {
    const share = metrics.served === 0 ? 0 : (100 * server.served) / metrics.served;
    return [
      server.id,
      server.weight,
      server.served,
      `${share.toFixed(1)}%`,
      server.dropped,
      server.failed,
      server.maxQueueLength,
      `${(100 * server.utilisation).toFixed(0)}%`,
      ...(showOpen ? [server.peakOpenConnections] : []),
      ...(showState ? [server.state] : []),
    ];
  });
  const header = ['server', 'weight', 'served', 'share', 'dropped', 'failed', 'max queue', 'busy', ...(showOpen ? ['peak open'] : []), ...(showState ? ['state'] : [])];
  const table = [header, ...rows].map((row) => row.map((cell, column) => (column === 0 ? String(cell).padEnd(8) : String(cell).padStart(11))).join(''));
  const sessions = scenario.sessions || metrics.sessionsLost > 0 ? `sessions lost: ${metrics.sessionsLost} requests found no session (a user logged out)` : undefined;
  const remapped = Number.isFinite(metrics.remappedShare) ? `remapped by the last pool change: ${(100 * metrics.remappedShare).toFixed(1)}% of returning clients moved server` : undefined;
  return [
    `${metrics.arrived} requests: ${metrics.served} served, ${metrics.dropped} dropped (${metrics.noBackend} with no usable backend), ${metrics.failed} failed${metrics.unreachable > 0 ? `, ${metrics.unreachable} never reached a balancer` : ''} · ${(metrics.simulatedMs / 1000).toFixed(2)} s simulated`,
    `latency ms: mean ${ms(latency.mean)}  p50 ${ms(latency.p50)}  p95 ${ms(latency.p95)}  p99 ${ms(latency.p99)}  max ${ms(latency.max)}  (mean queue wait ${ms(metrics.meanWaitMs)})`,
    ...(sessions ? [sessions] : []),
    ...(remapped ? [remapped] : []),
    ...(metrics.overload ? formatOverload(metrics.overload) : []),
    '',
    ...table,
  ].join('\n');
}

function main(args: string[]): void {
  const flags = parseFlags(args);
  if (flags.help) return console.log(USAGE);
  if (flags.list) return console.log(listAlgorithmsAndScenarios());
  if (flags.sweep !== undefined) return sweep(flags);
  const traceLimit = numberFlag(flags, 'trace') ?? 0;
  if (!Number.isInteger(traceLimit) || traceLimit < 0) throw new UsageError(`--trace must be a non-negative integer, got '${flags.trace}'`);
  const scenario = scenarioFrom(flags);

  const trace: RouteDecision[] = [];
  const metrics = runSimulation(scenario, traceLimit === 0 ? {} : { onRoute: (decision) => void (trace.length < traceLimit && trace.push(decision)) });
  if (flags.json) {
    console.log(JSON.stringify({ scenario, metrics, ...(traceLimit > 0 ? { trace } : {}) }, null, 2));
    return;
  }
  console.log(describe(scenario));
  if (trace.length > 0) console.log(`\n${trace.map(formatTrace).join('\n')}`);
  console.log(`\n${formatSummary(metrics, scenario)}`);
}

/** `--sweep`: the fleet the flags describe, at each offered load, beside M/M/c. */
function sweep(flags: Flags): void {
  const unsupported = (['scenario', 'weights', 'queue-limit', 'rate', 'duration', 'warmup', 'cost', 'clients', 'trace'] as const).filter((name) => flags[name] !== undefined);
  if (unsupported.length > 0) throw new UsageError(`--${unsupported[0]} cannot be combined with --sweep: a sweep sets the load itself, with Poisson arrivals and exponential costs so M/M/c applies`);
  const utilisations = parseUtilisations(flags.sweep!);
  if (!utilisations) throw new UsageError(`--sweep must be from:to:step or a comma-separated list of loads, got '${flags.sweep}'`);
  const built = sweepSpecFrom({
    algorithm: flags.algorithm ?? DEFAULT_SWEEP.algorithm,
    servers: numberFlag(flags, 'servers') ?? DEFAULT_SWEEP.servers,
    workersPerServer: numberFlag(flags, 'capacity') ?? DEFAULT_SWEEP.workersPerServer,
    costMeanMs: numberFlag(flags, 'cost-mean') ?? DEFAULT_SWEEP.costMeanMs,
    requestsPerPoint: numberFlag(flags, 'requests') ?? DEFAULT_SWEEP.requestsPerPoint,
    seed: numberFlag(flags, 'seed') ?? DEFAULT_SWEEP.seed,
    utilisations,
  });
  if (!built.ok) throw new UsageError(`invalid sweep:\n  ${built.errors.join('\n  ')}`);
  const points = runSweep(built.spec);
  console.log(flags.json ? JSON.stringify({ sweep: built.spec, points }, null, 2) : formatSweep(built.spec, points));
}

try {
  main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`sim: ${error.message}\nRun with --help for usage.`);
  process.exitCode = 2;
}
