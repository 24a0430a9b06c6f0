import { z } from 'zod';
import { ALGORITHM_NAMES } from '@/lib/balancers/registry';
import type { AlgorithmName } from '@/lib/balancers/types';
import { balancerTierSchema } from '@/lib/sim-front-door/spec-schema';
import { layer7SpecSchema } from './layer7-schema';
import { overloadSpecSchema } from './overload/overload-schema';
import {
  arrivalSpecSchema,
  autoscalingSpecSchema,
  clientSpecSchema,
  costSpecSchema,
  failureSpecSchema,
  healthCheckSpecSchema,
  poolCommandSchema,
  scheduledChangeSchema,
  serverSpecSchema,
  sessionSpecSchema,
  stickinessSpecSchema,
} from './scenario-sections';
import { array, fieldProblem, issueLines, number, sentence, strictObject } from './schema-kit';

export { ARRIVAL_PATTERNS, COST_DISTRIBUTIONS, MAX_CLIENTS, SESSION_STORES } from './scenario-sections';

const scenarioFields = strictObject({
  seed: number({ integer: true }),
  algorithm: z.enum(ALGORITHM_NAMES as [AlgorithmName, ...AlgorithmName[]], { error: `must be one of ${ALGORITHM_NAMES.join(', ')}` }),
  servers: z.array(serverSpecSchema, { error: 'must be a non-empty array' }).min(1, { error: 'must be a non-empty array' }),
  arrivals: arrivalSpecSchema,
  cost: costSpecSchema,
  /** Stop sending after this many requests. At least one of `requests` and `durationMs` is required. */
  requests: number({ integer: true, min: 1 }).optional(),
  /** Stop sending at this simulated time. */
  durationMs: number({ above: 0 }).optional(),
  /** The first requests run but are not measured, so a queue that starts empty does not flatter the results. */
  warmupRequests: number({ integer: true, min: 0 }).optional(),
  clients: clientSpecSchema.optional(),
  failures: array(failureSpecSchema).optional(),
  /** Servers added or removed at set times. */
  changes: array(scheduledChangeSchema).optional(),
  /** Without it the balancer knows at once when a server is down; with it, only through checks. */
  healthCheck: healthCheckSpecSchema.optional(),
  autoscaling: autoscalingSpecSchema.optional(),
  sessions: sessionSpecSchema.optional(),
  stickiness: stickinessSpecSchema.optional(),
  /** The balancer tier itself, which can fail; without it the balancer never does. */
  balancerTier: balancerTierSchema.optional(),
  /** Route by method, host and path to target groups (AWS ALB rules), then balance within the group. */
  layer7: layer7SpecSchema.optional(),
  /** ALB `deregistration_delay`: a removed server drains this long at most, then what it still holds is cut off (lib/health/draining.ts). Without it a drain waits for the last request. */
  deregistrationDelayMs: number({ min: 0 }).optional(),
  /** Timeouts, retries, queues, circuit breakers and hedging: failure under load (overload/). */
  overload: overloadSpecSchema.optional(),
});

/** The rules that span sections: each is stated here once, and nothing downstream checks it again. */
const scenarioSchema = scenarioFields
  .superRefine((scenario, ctx) => {
    if (scenario.requests === undefined && scenario.durationMs === undefined) sentence(ctx, 'one of requests or durationMs is required, or the run would never end');
    if (scenario.warmupRequests !== undefined && scenario.requests !== undefined && scenario.warmupRequests >= scenario.requests) {
      sentence(ctx, 'warmupRequests must be less than requests, or nothing is measured');
    }
    const initial = scenario.servers.length;
    const changes = scenario.changes ?? [];
    // A failure or removal may name a server that a planned change adds; one that never exists is ignored at run time.
    const eventually = initial + changes.filter((change) => change.kind === 'add-server').length;
    const atMost = (path: PropertyKey[], server: number) => {
      if (server > eventually - 1) fieldProblem(ctx, path, `must be at most ${Math.max(0, eventually - 1)}, got ${server}`);
    };
    changes.forEach((change, index) => change.kind === 'remove-server' && atMost(['changes', index, 'server'], change.server));
    (scenario.failures ?? []).forEach((failure, index) => atMost(['failures', index, 'server'], failure.server));
    const { autoscaling, layer7 } = scenario;
    // Bounds that contradict each other are reported on maxServers alone.
    if (autoscaling && autoscaling.maxServers >= autoscaling.minServers && (initial < autoscaling.minServers || initial > autoscaling.maxServers)) {
      sentence(ctx, `servers must hold between autoscaling.minServers and autoscaling.maxServers (${autoscaling.minServers}–${autoscaling.maxServers}), got ${initial}`);
    }
    layer7?.groups.forEach((group, index) => {
      if (group.servers.length === 0 || !group.servers.every((server) => Number.isInteger(server) && server >= 0 && server < initial)) {
        fieldProblem(ctx, ['layer7', 'groups', index, 'servers'], `must list server indices from 0 to ${initial - 1}`);
      }
    });
    const shaped = [...scenario.servers, ...changes.flatMap((change) => (change.kind === 'add-server' ? [change.spec] : [])), ...(scenario.autoscaling ? [scenario.autoscaling.template] : [])];
    if (!scenario.overload && shaped.some((server) => server.errorShare !== undefined || server.coldStart !== undefined)) {
      sentence(ctx, 'errorShare and coldStart need the overload section: without it the balancer never sees an answer');
    }
    if (scenario.overload && scenario.cost.longLived) sentence(ctx, 'overload and cost.longLived cannot be combined yet: a long-lived connection is not a request that can time out or be retried');
    if (scenario.overload?.retryBudget && scenario.overload.balancerRetries?.style !== 'envoy') sentence(ctx, 'overload.retryBudget is an Envoy setting: it needs overload.balancerRetries with style envoy');
    if (layer7 && scenario.stickiness) sentence(ctx, 'layer7 and stickiness cannot be combined yet: stickiness would bypass the listener rules');
  })
  .brand<'ValidScenario'>();

/** Everything one run depends on, as written (a JSON file, a share link, a literal): the same scenario always produces the same metrics. */
export type Scenario = z.input<typeof scenarioFields>;
/** A scenario that passed validation: what the simulator runs, so nothing downstream checks it again. */
export type ValidScenario = z.output<typeof scenarioSchema>;

export type ServerSpec = z.output<typeof serverSpecSchema>;
export type ArrivalSpec = z.output<typeof arrivalSpecSchema>;
export type CostSpec = z.output<typeof costSpecSchema>;
export type CostDistribution = CostSpec['distribution'];
export type LongLivedSpec = NonNullable<CostSpec['longLived']>;
export type ClientSpec = z.output<typeof clientSpecSchema>;
export type FailureSpec = z.output<typeof failureSpecSchema>;
export type PoolCommand = z.output<typeof poolCommandSchema>;
export type ScheduledChange = z.output<typeof scheduledChangeSchema>;
export type HealthCheckSpec = z.output<typeof healthCheckSpecSchema>;
export type AutoscalingSpec = z.output<typeof autoscalingSpecSchema>;
export type SessionSpec = z.output<typeof sessionSpecSchema>;
export type SessionStore = SessionSpec['store'];
export type StickinessSpec = z.output<typeof stickinessSpecSchema>;
export type BalancerTierSpec = z.output<typeof balancerTierSchema>;
export type { OverloadSpec } from './overload/overload-schema';

/** The outcome of validating untrusted input (a JSON file, a form) as a scenario. */
export type ScenarioValidation = { ok: true; scenario: ValidScenario } | { ok: false; errors: string[] };

/** Checks untrusted input and lists every problem, each with its path (`servers[1].weight must be ...`). */
export function validateScenario(input: unknown): ScenarioValidation {
  const result = scenarioSchema.safeParse(input, { reportInput: true });
  return result.success ? { ok: true, scenario: result.data } : { ok: false, errors: issueLines(result.error, 'scenario') };
}

/** A scenario written in code (a named scenario, a track, a test), validated once; a broken one is a bug and throws. */
export function defineScenario(input: Scenario): ValidScenario {
  const checked = validateScenario(input);
  if (!checked.ok) throw new RangeError(`invalid scenario: ${checked.errors.join('; ')}`);
  return checked.scenario;
}

/** A pool command from outside the simulator (a lab button), checked against the one server-spec rule. */
export { poolCommandSchema };
