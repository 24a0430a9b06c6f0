import type { OverloadSpec, Scenario, ServerSpec } from './scenario';

// The named scenarios of failure under load (overload/): each variant pair differs in one setting.

/** A named scenario as written, before validation (named-scenarios.ts validates every variant once). */
export interface NamedDefinition {
  id: string;
  title: string;
  lessonSlug: string;
  oneLine: string;
  variants: readonly [{ label: string; scenario: Scenario }] | readonly [{ label: string; scenario: Scenario }, { label: string; scenario: Scenario }];
}

const pool = (count: number, spec: ServerSpec): ServerSpec[] => Array.from({ length: count }, () => ({ ...spec }));
const withOverload = (scenario: Scenario, overload: OverloadSpec): Scenario => ({ ...scenario, overload });

// 4 × 8 workers × 20 ms: 1,600 requests/s. 1,100/s is 69% busy; the 3 s spike doubles it.
const brieflyOverloaded: Scenario = {
  seed: 20,
  algorithm: 'least-connections',
  servers: pool(4, { weight: 1, capacity: 8 }),
  arrivals: { pattern: 'spike', ratePerSecond: 1_100, spikeAtMs: 10_000, spikeDurationMs: 3_000, spikeMultiplier: 2 },
  cost: { distribution: 'exponential', meanMs: 20 },
  durationMs: 60_000,
};
const envoyRetries: OverloadSpec = { perTryTimeoutMs: 200, requestTimeoutMs: 1_000, balancerRetries: { style: 'envoy', retryOn: ['5xx'], numRetries: 3 } };

// The same fleet under a 20 s surge to 140% of what it can serve.
const surge: Scenario = { ...brieflyOverloaded, seed: 21, arrivals: { pattern: 'spike', ratePerSecond: 1_100, spikeAtMs: 10_000, spikeDurationMs: 20_000, spikeMultiplier: 2 }, durationMs: 50_000 };

// 8 workers × 20 ms: 400/s per server; 1,400/s keeps four at 88% until four cold ones join at 10 s.
const coldServer: ServerSpec = { weight: 1, capacity: 8, coldStart: { factor: 5, durationMs: 30_000 } };
const scaleOut: Scenario = {
  seed: 22,
  algorithm: 'weighted-round-robin',
  servers: pool(4, { weight: 1, capacity: 8 }),
  arrivals: { pattern: 'poisson', ratePerSecond: 1_400 },
  cost: { distribution: 'exponential', meanMs: 20 },
  durationMs: 60_000,
  changes: Array.from({ length: 4 }, () => ({ atMs: 10_000, kind: 'add-server' as const, spec: { ...coldServer } })),
};

const sick: ServerSpec = { weight: 1, capacity: 8, errorShare: 1 };
const well: ServerSpec = { weight: 1, capacity: 8 };
const outlierDetection = { consecutive5xx: 5, intervalMs: 10_000, baseEjectionTimeMs: 30_000, maxEjectionPercent: 100 };
// 4 × 400/s = 1,600/s; at 700/s the fleet is 44% busy, but one server alone could not carry it.
const sickServers = (count: number): Scenario => ({
  seed: 23,
  algorithm: 'round-robin',
  servers: [...pool(count, sick), ...pool(4 - count, well)],
  arrivals: { pattern: 'poisson', ratePerSecond: 700 },
  cost: { distribution: 'exponential', meanMs: 20 },
  durationMs: 40_000,
  overload: { requestTimeoutMs: 2_000, outlierDetection },
});

// Heavy-tailed costs at 40% load: a few requests take ten times the mean, wherever they land.
const tail: Scenario = {
  seed: 24,
  algorithm: 'least-connections',
  servers: pool(4, { weight: 1, capacity: 8 }),
  arrivals: { pattern: 'poisson', ratePerSecond: 640 },
  cost: { distribution: 'heavy-tailed', meanMs: 20 },
  durationMs: 40_000,
};

export const OVERLOAD_DEFINITIONS: readonly NamedDefinition[] = [
  {
    id: 'retry-storm',
    title: 'A retry storm: a 3-second spike becomes a lasting outage',
    lessonSlug: 'timeouts-retries-and-budgets',
    oneLine:
      'Tries time out during the spike and each is retried up to three times; the servers spend themselves on answers nobody waits for and never recover. A 20% retry budget caps the extra load and the fleet comes back.',
    variants: [
      { label: 'Envoy retries, no budget', scenario: withOverload(brieflyOverloaded, envoyRetries) },
      { label: 'Same retries, 20% retry budget', scenario: withOverload(brieflyOverloaded, { ...envoyRetries, retryBudget: { budgetPercent: 20, minRetryConcurrency: 3 } }) },
    ],
  },
  {
    id: 'overload-shedding',
    title: 'Load shedding: maxconn and a queue timeout against an unbounded queue',
    lessonSlug: 'circuit-breaking-and-load-shedding',
    oneLine:
      'Without a limit every request joins the queue and waits past its client’s patience, so almost nothing succeeds; maxconn with a 100 ms queue timeout answers the excess 503 at once and keeps serving the rest in time.',
    variants: [
      { label: 'No admission limit', scenario: withOverload(surge, { requestTimeoutMs: 1_000 }) },
      { label: 'maxconn 8 + timeout queue 100 ms', scenario: withOverload(surge, { requestTimeoutMs: 1_000, maxConnPerServer: 8, queueTimeoutMs: 100 }) },
    ],
  },
  {
    id: 'scale-out-slow-start',
    title: 'Scale-out with cold servers: full weight against slow start',
    lessonSlug: 'health-checks-in-depth',
    oneLine:
      'Four new servers join cold (5× slower at first); at full weight they get their whole share at once and their queues blow up; Envoy slow start ramps their weight over 30 s while they warm.',
    variants: [
      { label: 'New servers at full weight', scenario: withOverload(scaleOut, { requestTimeoutMs: 2_000 }) },
      { label: 'Slow start over 30 s', scenario: withOverload(scaleOut, { requestTimeoutMs: 2_000, slowStart: { windowMs: 30_000 } }) },
    ],
  },
  {
    id: 'outlier-ejection-panic',
    title: 'Passive ejection, then panic when too many hosts are ejected',
    lessonSlug: 'health-checks-in-depth',
    oneLine:
      'One server answering 500s is ejected after five in a row and the errors stop; with three of four sick, ejecting them would pile everything on the last one, so below 50% healthy Envoy panics and balances over all four again.',
    variants: [
      { label: 'One of four sick: ejected', scenario: sickServers(1) },
      { label: 'Three of four sick: panic', scenario: sickServers(3) },
    ],
  },
  {
    id: 'hedged-requests',
    title: 'Hedged requests cut the tail',
    lessonSlug: 'latency-aware-balancing',
    oneLine: 'A request still unanswered after 60 ms (about the p95) gets a second copy on another server; the first answer wins and the other is cancelled, so one slow draw no longer sets the p99.',
    variants: [
      { label: 'No hedging', scenario: withOverload(tail, {}) },
      { label: 'Hedge after 60 ms', scenario: withOverload(tail, { hedging: { delayMs: 60 } }) },
    ],
  },
];
