import { z } from 'zod';
import { boolean, choice, number, sentence, strictObject } from './schema-kit';

// The schema of each section of a scenario; scenario.ts joins them and checks the rules across sections.

/** One backend: its balancing weight, how many requests it serves at once (M/M/c's c), and how many more may wait. */
export const serverSpecSchema = strictObject({
  weight: number({ integer: true, min: 1 }),
  capacity: number({ integer: true, min: 1 }),
  /** Requests that may wait beyond `capacity`; omitted means unbounded, as queueing theory assumes. */
  queueLimit: number({ integer: true, min: 0 }).optional(),
  // errorShare and coldStart shape a sick or cold server; they need the overload model, which sees answers.
  /** Share of its answers that are 500s: sick but alive. */
  errorShare: number({ min: 0, max: 1 }).optional(),
  /** Slow but alive: from `atMs` on, every request it starts takes `factor` times its cost (a noisy neighbour, a bad deploy). */
  slowdown: strictObject({ atMs: number({ min: 0 }), factor: number({ above: 0, max: 100 }) }).optional(),
  /** A cold cache or JIT: requests cost `factor` × more when the server joins, falling linearly to 1× over `durationMs`. */
  coldStart: strictObject({ factor: number({ min: 1, max: 100 }), durationMs: number({ above: 0 }) }).optional(),
});

/** The arrival patterns, in the order a UI should offer them. */
export const ARRIVAL_PATTERNS = ['poisson', 'burst', 'spike', 'ramp'] as const;

const ratePerSecond = number({ above: 0 });

/** When requests arrive: a Poisson stream, optionally in bursts, with a temporary spike, or ramping up. */
export const arrivalSpecSchema = z.discriminatedUnion(
  'pattern',
  [
    strictObject({ pattern: z.literal('poisson'), ratePerSecond }),
    /** Bursts of `burstSize` simultaneous requests; bursts arrive as a Poisson stream, so the mean rate is `ratePerSecond`. */
    strictObject({ pattern: z.literal('burst'), ratePerSecond, burstSize: number({ integer: true, min: 1 }) }),
    /** Poisson at `ratePerSecond`, multiplied by `spikeMultiplier` from `spikeAtMs` for `spikeDurationMs`. */
    strictObject({ pattern: z.literal('spike'), ratePerSecond, spikeAtMs: number({ min: 0 }), spikeDurationMs: number({ above: 0 }), spikeMultiplier: number({ above: 0 }) }),
    /** Poisson whose rate climbs linearly from `fromRatePerSecond` to `ratePerSecond` over the first `rampMs`. */
    strictObject({ pattern: z.literal('ramp'), ratePerSecond, fromRatePerSecond: number({ min: 0 }), rampMs: number({ above: 0 }) }),
  ],
  { error: (issue) => (issue.code === 'invalid_union' ? `must be one of ${ARRIVAL_PATTERNS.join(', ')}` : 'must be an object') },
);

/** The service-time distributions, in the order a UI should offer them. */
export const COST_DISTRIBUTIONS = ['constant', 'exponential', 'heavy-tailed'] as const;

/**
 * Service time per request: its distribution and its mean, and optionally a share of long-lived
 * connections (WebSockets, server-sent events): `share` of arrivals open a connection that stays
 * for an exponential time of mean `meanMs`. See simulator.ts for what they cost a server.
 */
export const costSpecSchema = strictObject({
  distribution: z.enum(COST_DISTRIBUTIONS, { error: `must be one of ${COST_DISTRIBUTIONS.join(', ')}` }),
  meanMs: number({ above: 0 }),
  longLived: strictObject({ share: number({ above: 0, max: 1 }), meanMs: number({ above: 0 }) }).optional(),
});

/** Clients get distinct addresses up to this many (see clients.ts). */
export const MAX_CLIENTS = 100_000;

/**
 * Who sends the requests: `count` clients, each with its own session key, optionally behind
 * `natGroups` shared addresses. `mobileShare` of them are phones that move to a new network (a new
 * /24 of the carrier range, not the NAT's) every `addressChangeEveryMs`; the two fields go together.
 */
export const clientSpecSchema = strictObject({
  count: number({ integer: true, min: 1, max: MAX_CLIENTS }),
  natGroups: number({ integer: true, min: 1 }).optional(),
  mobileShare: number({ min: 0, max: 1 }).optional(),
  addressChangeEveryMs: number({ above: 0 }).optional(),
}).superRefine((clients, ctx) => {
  if (clients.natGroups !== undefined && clients.natGroups > clients.count) ctx.addIssue({ code: 'custom', path: ['natGroups'], message: `must be at most ${clients.count}, got ${clients.natGroups}` });
  if ((clients.mobileShare === undefined) !== (clients.addressChangeEveryMs === undefined)) {
    sentence(ctx, 'clients.mobileShare and clients.addressChangeEveryMs go together: give both or neither');
  }
});

/** A scheduled change to one server (by its index in `servers`). A crash loses every request it holds. */
export const failureSpecSchema = strictObject({
  atMs: number({ min: 0 }),
  server: number({ integer: true, min: 0 }),
  kind: z.enum(['crash', 'recover'], { error: 'must be crash or recover' }),
});

const serverIndex = number({ integer: true, min: 0 });

/**
 * Something done to the pool while it runs, by the lab's buttons or a scenario's schedule. Servers
 * are named by index; an added server takes the next index, and a removed one keeps its place.
 */
export const poolCommandSchema = z.discriminatedUnion(
  'kind',
  [
    strictObject({ kind: z.literal('crash'), server: serverIndex }),
    strictObject({ kind: z.literal('recover'), server: serverIndex }),
    /** Stop sending it new requests, let it finish what it holds (connection draining), then it is gone. */
    strictObject({ kind: z.literal('remove-server'), server: serverIndex }),
    strictObject({ kind: z.literal('add-server'), spec: serverSpecSchema }),
  ],
  { error: (issue) => (issue.code === 'invalid_union' ? 'must be crash, recover, add-server or remove-server' : 'must be an object') },
);

/** An operator's change planned at a simulated time: adding or removing a server. */
export const scheduledChangeSchema = z.discriminatedUnion(
  'kind',
  [
    strictObject({ atMs: number({ min: 0 }), kind: z.literal('add-server'), spec: serverSpecSchema }),
    strictObject({ atMs: number({ min: 0 }), kind: z.literal('remove-server'), server: serverIndex }),
  ],
  { error: (issue) => (issue.code === 'invalid_union' ? 'must be add-server or remove-server (crash and recover belong in failures)' : 'must be an object') },
);

/** Active health checks on the simulated clock, counted as HAProxy does (lib/health/active-check.ts). */
export const healthCheckSpecSchema = strictObject({
  intervalMs: number({ above: 0 }),
  timeoutMs: number({ above: 0 }),
  // HAProxy keeps rise and fall small in practice; ALB allows 2–10. A bound keeps a typo from freezing a server's state.
  rise: number({ integer: true, min: 1, max: 100 }),
  fall: number({ integer: true, min: 1, max: 100 }),
});

/** A target-tracking scaling policy (modelled on AWS target tracking; the policy is in autoscaler.ts). */
export const autoscalingSpecSchema = strictObject({
  minServers: number({ integer: true, min: 1 }),
  // A bound keeps a typo from asking a browser tab to simulate a data centre.
  maxServers: number({ integer: true, min: 1, max: 1000 }),
  /** Mean busy share of the servers in service that the policy steers towards, above 0 and below 1. */
  targetUtilisation: number({ above: 0, below: 1 }),
  evaluationIntervalMs: number({ above: 0 }),
  /** Boot time of a new server before it can join. */
  provisioningMs: number({ min: 0 }),
  /** Least time between two scaling actions. */
  cooldownMs: number({ min: 0 }),
  /** What a new server looks like. */
  template: serverSpecSchema,
  /** As AWS `DisableScaleIn`: when true the policy only ever adds servers. */
  disableScaleIn: boolean().optional(),
}).superRefine((policy, ctx) => {
  if (policy.maxServers < policy.minServers) ctx.addIssue({ code: 'custom', path: ['maxServers'], message: `must be at least ${policy.minServers}, got ${policy.maxServers}` });
});

export const SESSION_STORES = ['server', 'shared'] as const;

/**
 * Where logged-in state lives: `server` keeps sessions in the memory of the server that made them;
 * `shared` is a Redis-like store every server reads, and `lookupMs` is what it adds to each request's cost.
 */
export const sessionSpecSchema = strictObject({
  store: choice(SESSION_STORES),
  lookupMs: number({ min: 0 }).optional(),
}).superRefine((sessions, ctx) => {
  if (sessions.lookupMs !== undefined && sessions.store === 'server') {
    sentence(ctx, 'sessions.lookupMs applies to the shared store only; a session in server memory costs no lookup');
  }
});

/** HAProxy `cookie SERVERID insert` in front of the algorithm (lib/balancers/cookie-stickiness.ts). */
export const stickinessSpecSchema = strictObject({
  mode: choice(['cookie']),
  /** HAProxy `option redispatch`: when the pinned server refuses the connection, send the request elsewhere. */
  redispatch: boolean(),
});
