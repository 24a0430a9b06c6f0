import { z } from 'zod';
import { array, boolean, choice, number, strictObject } from '@/lib/sim/schema-kit';

/** One balancer and nothing behind it: while it is down, every request fails. */
export const singleSchema = strictObject({ mode: z.literal('single') });

/** Two balancers sharing a floating IP (keepalived, VRRP RFC 5798); balancer 0 is the primary, with the higher priority. */
export const activePassiveSchema = strictObject({
  mode: z.literal('active-passive'),
  /** VRRP Advertisement_Interval (keepalived `advert_int`, default 1 s). */
  heartbeatIntervalMs: number({ above: 0 }),
  /** Advertisements missed before the backup declares the master down; RFC 5798 uses 3. */
  missedHeartbeats: number({ integer: true, min: 1 }),
  /** From becoming master to traffic arriving: gratuitous ARP reaching switches and neighbours. */
  takeoverMs: number({ min: 0 }),
  /** RFC 5798 Skew_Time added to the master-down wait; 0 unless given (see vrrpSkewMs). */
  skewMs: number({ min: 0 }).optional(),
  /** Whether a recovered primary takes the floating IP back (keepalived's default; `nopreempt` turns it off). Default true. */
  preempt: boolean().optional(),
});

/** Both balancers' addresses published in DNS, each removed by a health check when it fails (Route 53). */
export const dnsRoundRobinSchema = strictObject({
  mode: z.literal('dns-round-robin'),
  /** The record's TTL: how long a client keeps the address it resolved. */
  ttlMs: number({ min: 0 }),
  /** Route 53 RequestInterval: 30 s by default, 10 s for fast checks. */
  healthCheckIntervalMs: number({ above: 0 }),
  /** Route 53 FailureThreshold (default 3): checks in a row that flip a record's health, either way. */
  failuresToRemove: number({ integer: true, min: 1 }),
  /** Share of clients (0..1) that ignore the TTL and keep their address for pinnedForMs instead. */
  ignoreTtlShare: number({ min: 0, max: 1 }).optional(),
  /** How long a TTL-ignoring client keeps its address; default 30 min, Internet Explorer's DnsCacheTimeout (Microsoft KB 263558). */
  pinnedForMs: number({ min: 0 }).optional(),
});

const REDUNDANCY_MODES = ['single', 'active-passive', 'dns-round-robin'] as const;
const redundancyError = { error: (issue: { code?: string }) => (issue.code === 'invalid_union' ? `must be one of ${REDUNDANCY_MODES.join(', ')}` : 'must be an object') };

export const frontDoorSpecSchema = z.discriminatedUnion('mode', [singleSchema, activePassiveSchema, dnsRoundRobinSchema], redundancyError);

/**
 * What a scenario may ask of the tier: the engine copes with a TTL of 0 (every request resolves
 * again), but a scenario has always asked for a positive TTL and pin time, so a run a learner
 * builds caches for at least a moment, as every real resolver does.
 */
const scenarioRedundancySchema = z.discriminatedUnion(
  'mode',
  [singleSchema, activePassiveSchema, dnsRoundRobinSchema.extend({ ttlMs: number({ above: 0 }), pinnedForMs: number({ above: 0 }).optional() })],
  redundancyError,
);

/** A balancer crashing or coming back at a moment of simulated time. */
export const balancerFailureSchema = strictObject({
  atMs: number({ min: 0 }),
  // Which of the two balancers: 0 is the primary (active-passive) or the first DNS address.
  balancer: z.literal([0, 1], {
    error: ({ input }) => `must be ${typeof input === 'number' && input > 1 ? 'at most 1' : typeof input === 'number' && input < 0 ? 'at least 0' : '0 or 1'}${input === undefined ? '' : `, got ${JSON.stringify(input)}`}`,
  }),
  kind: choice(['crash', 'recover']),
});

/** How clients reach the balancers (one, an active-passive pair, or DNS round robin) and when a balancer fails. */
export const balancerTierSchema = strictObject({
  redundancy: scenarioRedundancySchema,
  failures: array(balancerFailureSchema, 'must be an array (it may be empty)'),
});
