// The `npm run sim` flags of failure under load (lib/sim/overload): they set or override the
// scenario's `overload` section, whether the scenario comes from flags, a file or a name.
import type { OverloadSummary } from '@/lib/sim/overload/overload-metrics';

export const OVERLOAD_USAGE = `
Failure under load (any of these adds an overload section; see lib/sim/overload):
  --request-timeout MS   the client gives up on a request after MS
  --per-try-timeout MS   the balancer gives up on a try after MS (the server keeps working)
  --retries STYLE:N      balancer retries: nginx:N (proxy_next_upstream error timeout, N tries)
                         or envoy:N (retry_on 5xx, num_retries N, 25 ms jittered back-off)
  --retry-budget PCT     Envoy retry budget: retries in flight under PCT% of requests (min 3)
  --client-retries N     the client makes up to N attempts, full-jitter back-off from 50 ms
  --maxconn N            HAProxy maxconn on every server; more wait in the backend queue
  --queue-timeout MS     HAProxy timeout queue: 503 after MS waiting
  --queue-order ORDER    fifo (HAProxy) or lifo (adaptive LIFO)
  --hedge MS             send a second copy after MS; the loser is cancelled
  --outlier N            Envoy outlier ejection after N errors in a row (then panic below 50% healthy)
  --slow-start MS        Envoy slow start window for servers that join`;

export const OVERLOAD_FLAGS = {
  'request-timeout': { type: 'string' },
  'per-try-timeout': { type: 'string' },
  retries: { type: 'string' },
  'retry-budget': { type: 'string' },
  'client-retries': { type: 'string' },
  maxconn: { type: 'string' },
  'queue-timeout': { type: 'string' },
  'queue-order': { type: 'string' },
  hedge: { type: 'string' },
  outlier: { type: 'string' },
  'slow-start': { type: 'string' },
} as const;

type OverloadFlags = Partial<Record<keyof typeof OVERLOAD_FLAGS, string>>;

/**
 * The overload settings the flags ask for, merged over `current`; undefined when none is given.
 * Values are passed through as typed so the scenario schema words any problem.
 */
export function overloadFromFlags(flags: OverloadFlags, current: Record<string, unknown> | undefined, fail: (message: string) => never): Record<string, unknown> | undefined {
  const given = Object.keys(OVERLOAD_FLAGS).filter((name) => flags[name as keyof OverloadFlags] !== undefined);
  if (given.length === 0) return current;
  const number = (name: keyof OverloadFlags) => {
    const text = flags[name];
    if (text === undefined) return undefined;
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value)) fail(`--${name} must be a number, got '${text}'`);
    return value;
  };
  const overload: Record<string, unknown> = { ...current };
  const set = (key: string, value: unknown) => value !== undefined && (overload[key] = value);
  set('requestTimeoutMs', number('request-timeout'));
  set('perTryTimeoutMs', number('per-try-timeout'));
  if (flags.retries !== undefined) {
    const match = /^(nginx|envoy):(\d+)$/.exec(flags.retries);
    if (!match) fail(`--retries must be nginx:N or envoy:N, got '${flags.retries}'`);
    const count = Number(match[2]);
    overload.balancerRetries = match[1] === 'nginx' ? { style: 'nginx', on: ['error', 'timeout'], tries: count } : { style: 'envoy', retryOn: ['5xx'], numRetries: count };
  }
  const budget = number('retry-budget');
  if (budget !== undefined) overload.retryBudget = { budgetPercent: budget, minRetryConcurrency: 3 };
  const attempts = number('client-retries');
  if (attempts !== undefined) overload.clientRetries = { maxAttempts: attempts, backoffBaseMs: 50, backoffCapMs: 5_000 };
  set('maxConnPerServer', number('maxconn'));
  set('queueTimeoutMs', number('queue-timeout'));
  set('queueOrder', flags['queue-order']);
  const hedge = number('hedge');
  if (hedge !== undefined) overload.hedging = { delayMs: hedge };
  const outlier = number('outlier');
  if (outlier !== undefined) overload.outlierDetection = { consecutive5xx: outlier, intervalMs: 10_000, baseEjectionTimeMs: 30_000, maxEjectionPercent: 100 };
  const slowStart = number('slow-start');
  if (slowStart !== undefined) overload.slowStart = { windowMs: slowStart };
  return overload;
}

/** The summary's overload lines: how client requests ended and what the balancer did for them. */
export function formatOverload(overload: OverloadSummary): string[] {
  const { overflows } = overload;
  return [
    `client requests: ${overload.succeeded} answered in time (goodput ${overload.goodputPerSecond.toFixed(0)}/s), ${overload.timedOut} timed out, ${overload.shed} shed (503), ${overload.errored} failed, ${overload.inFlight} in flight`,
    `tries ${overload.tries} · balancer retries ${overload.balancerRetries} · client retries ${overload.clientRetries} · hedges ${overload.hedges} · wasted ${overload.wasted} · server 500s ${overload.serverErrors}`,
    `timeouts: ${overload.tryTimeouts} per try, ${overload.requestTimeouts} request, ${overload.queueTimeouts} queue · overflows: ${overflows.connections} connections, ${overflows.pending} pending, ${overflows.requests} requests, ${overflows.retries} retries · limited ${overload.limited} · ejections ${overload.ejections}, panics ${overload.panics}`,
  ];
}
