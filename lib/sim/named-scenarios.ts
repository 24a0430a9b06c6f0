import type { FrontDoorSpec } from '@/lib/sim-front-door/types';
import { OVERLOAD_DEFINITIONS, type NamedDefinition } from './overload-scenarios';
import { defineScenario, type AutoscalingSpec, type Scenario, type ServerSpec, type ValidScenario } from './scenario';

/** One labelled run of a named scenario. */
export interface NamedVariant {
  label: string;
  scenario: ValidScenario;
}


/**
 * A ready-made scenario that makes one lesson's point in numbers. Two variants are a comparison:
 * the lab runs them side by side on the same seed, so they differ only in what the label says.
 */
export interface NamedScenario {
  /** kebab-case, stable: URLs and `npm run sim -- --scenario <id>` use it. */
  id: string;
  title: string;
  /** The lesson it belongs to: a file content/lessons/<lessonSlug>.mdx. */
  lessonSlug: string;
  /** What to watch for, in one line. */
  oneLine: string;
  variants: readonly [NamedVariant] | readonly [NamedVariant, NamedVariant];
}

const pool = (count: number, spec: ServerSpec): ServerSpec[] => Array.from({ length: count }, () => ({ ...spec }));

/** Crash at `firstMs`, recover `downMs` later, crash again `upMs` after that, and so on until `untilMs`. */
function flapping(server: number, firstMs: number, downMs: number, upMs: number, untilMs: number): NonNullable<Scenario['failures']> {
  const failures: NonNullable<Scenario['failures']> = [];
  for (let at = firstMs; at < untilMs; at += downMs + upMs) {
    failures.push({ atMs: at, server, kind: 'crash' }, { atMs: at + downMs, server, kind: 'recover' });
  }
  return failures;
}

const unevenCosts: Scenario = {
  seed: 11,
  algorithm: 'round-robin',
  servers: pool(4, { weight: 1, capacity: 2 }),
  arrivals: { pattern: 'poisson', ratePerSecond: 280 },
  cost: { distribution: 'heavy-tailed', meanMs: 20 },
  durationMs: 40_000,
};

const webSockets: Scenario = {
  seed: 12,
  algorithm: 'round-robin',
  servers: pool(4, { weight: 1, capacity: 16 }),
  arrivals: { pattern: 'poisson', ratePerSecond: 100 },
  cost: { distribution: 'exponential', meanMs: 5, longLived: { share: 0.3, meanMs: 120_000 } },
  durationMs: 45_000,
  clients: { count: 2_000 },
  changes: [{ atMs: 25_000, kind: 'add-server', spec: { weight: 1, capacity: 16 } }],
};

const differentSizes: Scenario = {
  seed: 13,
  algorithm: 'round-robin',
  servers: [
    { weight: 4, capacity: 8, queueLimit: 20 },
    { weight: 2, capacity: 4, queueLimit: 20 },
    { weight: 1, capacity: 2, queueLimit: 20 },
  ],
  arrivals: { pattern: 'poisson', ratePerSecond: 840 },
  cost: { distribution: 'exponential', meanMs: 10 },
  durationMs: 30_000,
};

const corporateNat: Scenario = {
  seed: 14,
  algorithm: 'ip-hash',
  servers: pool(4, { weight: 1, capacity: 4, queueLimit: 40 }),
  arrivals: { pattern: 'poisson', ratePerSecond: 300 },
  cost: { distribution: 'exponential', meanMs: 10 },
  durationMs: 30_000,
  clients: { count: 600, natGroups: 1 },
};

const mobileUsers: Scenario = {
  seed: 15,
  algorithm: 'ip-hash',
  servers: pool(4, { weight: 1, capacity: 8 }),
  arrivals: { pattern: 'poisson', ratePerSecond: 200 },
  cost: { distribution: 'exponential', meanMs: 10 },
  durationMs: 60_000,
  clients: { count: 400, mobileShare: 0.5, addressChangeEveryMs: 15_000 },
  sessions: { store: 'server' },
};

const crashWithSessions: Scenario = {
  seed: 16,
  algorithm: 'round-robin',
  servers: pool(4, { weight: 1, capacity: 8 }),
  arrivals: { pattern: 'poisson', ratePerSecond: 200 },
  cost: { distribution: 'exponential', meanMs: 10 },
  durationMs: 40_000,
  clients: { count: 400 },
  failures: [{ atMs: 20_000, server: 1, kind: 'crash' }],
  sessions: { store: 'server' },
  stickiness: { mode: 'cookie', redispatch: false },
};

const addServer: Scenario = {
  seed: 17,
  algorithm: 'hash-mod-n',
  servers: pool(3, { weight: 1, capacity: 16 }),
  arrivals: { pattern: 'poisson', ratePerSecond: 1_000 },
  cost: { distribution: 'exponential', meanMs: 5 },
  durationMs: 30_000,
  clients: { count: 2_000 },
  changes: [{ atMs: 15_000, kind: 'add-server', spec: { weight: 1, capacity: 16 } }],
};

const flappingServer: Scenario = {
  seed: 18,
  algorithm: 'round-robin',
  servers: pool(4, { weight: 1, capacity: 4 }),
  arrivals: { pattern: 'poisson', ratePerSecond: 800 },
  cost: { distribution: 'exponential', meanMs: 10 },
  durationMs: 60_000,
  failures: flapping(1, 5_000, 3_000, 3_000, 57_000),
  healthCheck: { intervalMs: 1_000, timeoutMs: 500, rise: 1, fall: 1 },
};

// 8 workers × 20 ms: each server carries 400 req/s. Two run at 40% before the sale; the 10x spike needs about twelve.
const shopServer: ServerSpec = { weight: 1, capacity: 8, queueLimit: 16 };
const reactiveScaling: AutoscalingSpec = {
  minServers: 2,
  maxServers: 16,
  targetUtilisation: 0.7,
  evaluationIntervalMs: 2_000,
  provisioningMs: 10_000,
  cooldownMs: 2_000,
  template: shopServer,
};
const blackFriday: Scenario = {
  seed: 19,
  algorithm: 'least-connections',
  servers: pool(2, shopServer),
  arrivals: { pattern: 'spike', ratePerSecond: 320, spikeAtMs: 10_000, spikeDurationMs: 40_000, spikeMultiplier: 10 },
  cost: { distribution: 'exponential', meanMs: 20 },
  durationMs: 70_000,
  healthCheck: { intervalMs: 2_000, timeoutMs: 1_000, rise: 2, fall: 3 },
  autoscaling: reactiveScaling,
};

/** An ALB-style listener: /static/* to two servers, /api/* weighted 90/10 between a stable group and a canary, everything else to static. */
const canaryRelease: Scenario = {
  seed: 5,
  algorithm: 'least-connections',
  servers: pool(7, { weight: 1, capacity: 8 }),
  arrivals: { pattern: 'poisson', ratePerSecond: 500 },
  cost: { distribution: 'exponential', meanMs: 20 },
  durationMs: 60_000,
  layer7: {
    requests: [
      { method: 'GET', host: 'shop.example.com', path: '/api/orders', share: 0.6 },
      { method: 'GET', host: 'shop.example.com', path: '/static/app.js', share: 0.4 },
    ],
    table: {
      rules: [
        { priority: 10, conditions: [{ field: 'path', values: ['/static/*'] }], targets: [{ group: 'static', weight: 1 }] },
        {
          priority: 20,
          conditions: [{ field: 'path', values: ['/api/*'] }],
          targets: [
            { group: 'api-stable', weight: 90 },
            { group: 'api-canary', weight: 10 },
          ],
        },
      ],
      defaultTargets: [{ group: 'static', weight: 1 }],
    },
    groups: [
      { name: 'static', servers: [0, 1] },
      { name: 'api-stable', servers: [2, 3, 4, 5] },
      { name: 'api-canary', servers: [6] },
    ],
  },
};

// 4 servers × 4 workers × 10 ms carry 1 600 req/s: 1 000 req/s is 62% busy. At 10 s server d turns eight
// times slower (a noisy neighbour, a bad deploy) but stays up and passes its checks, so only latency shows it.
const slowServer: Scenario = {
  seed: 20,
  algorithm: 'least-connections',
  servers: [0, 1, 2, 3].map((index) => ({ weight: 1, capacity: 4, queueLimit: 32, ...(index === 3 ? { slowdown: { atMs: 10_000, factor: 8 } } : {}) })),
  arrivals: { pattern: 'poisson', ratePerSecond: 1_000 },
  cost: { distribution: 'exponential', meanMs: 10 },
  durationMs: 40_000,
  warmupRequests: 12_000,
};

const DEFINITIONS: readonly NamedDefinition[] = [
  {
    id: 'round-robin-uneven-costs',
    title: 'Round robin with uneven request costs',
    lessonSlug: 'round-robin',
    oneLine: 'Equal turns are not equal work: a few huge requests back up whichever server drew them, and round robin keeps feeding it while least connections steers around.',
    variants: [
      { label: 'Round robin', scenario: unevenCosts },
      { label: 'Least connections', scenario: { ...unevenCosts, algorithm: 'least-connections' } },
    ],
  },
  {
    id: 'weighted-servers-different-sizes',
    title: 'Servers of different sizes',
    lessonSlug: 'weighted-round-robin',
    oneLine: 'Plain round robin gives the 2-core server as much as the 8-core one, so it saturates and drops; weights 4:2:1 keep all three equally busy.',
    variants: [
      { label: 'Round robin (weights ignored)', scenario: differentSizes },
      { label: 'Weighted round robin 4:2:1', scenario: { ...differentSizes, algorithm: 'weighted-round-robin' } },
    ],
  },
  {
    id: 'websockets-least-connections',
    title: 'Long-lived WebSockets and a server added mid-run',
    lessonSlug: 'websockets',
    oneLine: 'Connections last minutes: after server e joins at 25 s, round robin gives it only its turn and it stays far emptier, while least connections fills it until all five hold about the same.',
    variants: [
      { label: 'Round robin', scenario: webSockets },
      { label: 'Least connections', scenario: { ...webSockets, algorithm: 'least-connections' } },
    ],
  },
  {
    id: 'ip-hash-corporate-nat',
    title: 'IP hash behind a corporate NAT',
    lessonSlug: 'ip-hash',
    oneLine: 'Six hundred employees share one office NAT address: IP hash sees a single client and piles them all on one server, while cookie stickiness spreads them.',
    variants: [
      { label: 'IP hash', scenario: corporateNat },
      { label: 'Cookie stickiness over round robin', scenario: { ...corporateNat, algorithm: 'round-robin', stickiness: { mode: 'cookie', redispatch: false } } },
    ],
  },
  {
    id: 'mobile-user-changes-network',
    title: 'A mobile user changes networks',
    lessonSlug: 'cookie-stickiness',
    oneLine: 'Half the users are phones that switch network every 15 s: under IP hash each switch can move them to a server without their session, the cookie follows them and logs no one out.',
    variants: [
      { label: 'IP hash', scenario: mobileUsers },
      { label: 'Cookie stickiness', scenario: { ...mobileUsers, algorithm: 'round-robin', stickiness: { mode: 'cookie', redispatch: false } } },
    ],
  },
  {
    id: 'crash-with-sticky-sessions',
    title: 'A server crash with sessions in server memory',
    lessonSlug: 'stateless-sessions',
    oneLine: 'Server b dies at 20 s: with sessions in its memory every user pinned there is logged out, while with a shared store nobody notices beyond the requests in flight.',
    variants: [
      { label: 'Sticky, sessions in server memory', scenario: crashWithSessions },
      {
        label: 'No stickiness, shared session store',
        scenario: { ...withoutStickiness(crashWithSessions), sessions: { store: 'shared', lookupMs: 1 } },
      },
    ],
  },
  {
    id: 'consistent-hashing-add-server',
    title: 'Adding a fourth server to a hashed pool',
    lessonSlug: 'consistent-hashing',
    oneLine: 'A 4th server joins at 15 s: hash mod N moves about three clients in four to a different server, consistent hashing about one in four.',
    variants: [
      { label: 'Hash mod N', scenario: addServer },
      { label: 'Consistent hashing', scenario: { ...addServer, algorithm: 'consistent-hash' } },
    ],
  },
  {
    id: 'flapping-server-health-checks',
    title: 'Health-check thresholds and a flapping server',
    lessonSlug: 'health-checks-in-depth',
    oneLine: 'Server b crashes every 6 s and comes back 3 s later: with rise 1 it rejoins each time and fails requests each time, with rise 5 it stays out after the first fall.',
    variants: [
      { label: 'rise 1, fall 1', scenario: flappingServer },
      { label: 'rise 5, fall 2', scenario: { ...flappingServer, healthCheck: { intervalMs: 1_000, timeoutMs: 500, rise: 5, fall: 2 } } },
    ],
  },
  {
    id: 'balancer-failover',
    title: 'The load balancer fails: active-passive vs DNS round robin',
    lessonSlug: 'highly-available-load-balancers',
    oneLine: 'Balancer 1 dies at 30 s. The floating IP moves in 3.5 s (three missed 1 s heartbeats, then 0.5 s of ARP); with DNS round robin, clients holding its address keep failing until Route 53 drops it (3 checks × 30 s) and their 60 s TTL runs out: up to two and a half minutes.',
    variants: [
      { label: 'Active-passive, floating IP', scenario: balancerFailover({ mode: 'active-passive', heartbeatIntervalMs: 1_000, missedHeartbeats: 3, takeoverMs: 500 }) },
      { label: 'DNS round robin, TTL 60 s', scenario: balancerFailover({ mode: 'dns-round-robin', ttlMs: 60_000, healthCheckIntervalMs: 30_000, failuresToRemove: 3 }) },
    ],
  },
  {
    id: 'layer7-canary',
    title: 'Layer 7 path routing with a 10% canary',
    lessonSlug: 'layer-4-vs-layer-7',
    oneLine: 'Static files go to their own pair of servers; /api/* is split 90/10 between the stable release on servers c to f and a one-server canary, g, so the canary sees 6% of all requests. When the canary dies at 20 s, its 6% of requests fail from then on and nothing else does.',
    variants: [
      { label: 'Canary healthy', scenario: canaryRelease },
      { label: 'Canary crashes at 20 s', scenario: { ...canaryRelease, failures: [{ atMs: 20_000, server: 6, kind: 'crash' }] } },
    ],
  },
  {
    id: 'slow-server-latency-aware',
    title: 'One server turns slow: least connections against peak EWMA',
    lessonSlug: 'latency-aware-balancing',
    oneLine:
      'At 10 s server d becomes eight times slower but stays healthy. Least connections still hands it a request whenever its count dips, so those requests set the p99; peak EWMA sees its latency, sends it about a third as much and cuts the p99 by more than half. (Round robin, on the same seed with --algorithm round-robin, is worse than both.)',
    variants: [
      { label: 'Least connections (nginx least_conn)', scenario: slowServer },
      { label: 'Peak EWMA (Finagle, Linkerd)', scenario: { ...slowServer, algorithm: 'peak-ewma' } },
    ],
  },
  {
    id: 'black-friday-autoscaling',
    title: 'A Black Friday 10x spike with autoscaling',
    lessonSlug: 'key-takeaways-and-practice',
    oneLine: 'Traffic jumps 10x at 10 s: reactive scaling adds servers, but each boots for 10 s and must pass a check, so requests drop for a while; scaling out before the sale drops almost none.',
    variants: [
      { label: 'Reactive scaling from 2 servers', scenario: blackFriday },
      {
        label: 'Scaled out to 12 before the sale',
        // A scheduled action raises the minimum ahead of the sale, as AWS scheduled scaling does.
        scenario: { ...blackFriday, servers: pool(12, shopServer), autoscaling: { ...reactiveScaling, minServers: 12 } },
      },
    ],
  },
];

/** Every named scenario, in course order, each variant validated once here so nothing downstream checks it again. */
export const NAMED_SCENARIOS: readonly NamedScenario[] = [...DEFINITIONS, ...OVERLOAD_DEFINITIONS].map((named) => ({
  ...named,
  variants: named.variants.map((variant) => ({ label: variant.label, scenario: defineScenario(variant.scenario) })) as unknown as NamedScenario['variants'],
}));

/** Four healthy servers behind a balancer tier whose first balancer crashes at 30 s and stays down. */
function balancerFailover(redundancy: FrontDoorSpec): Scenario {
  return {
    seed: 11,
    algorithm: 'least-connections',
    servers: pool(4, { weight: 1, capacity: 8 }),
    arrivals: { pattern: 'poisson', ratePerSecond: 400 },
    cost: { distribution: 'exponential', meanMs: 20 },
    durationMs: 240_000,
    clients: { count: 2_000 },
    balancerTier: { redundancy, failures: [{ atMs: 30_000, balancer: 0, kind: 'crash' }] },
  };
}

/** The named scenario with this id, if any. */
export function findNamedScenario(id: string): NamedScenario | undefined {
  return NAMED_SCENARIOS.find((named) => named.id === id);
}

function withoutStickiness(scenario: Scenario): Scenario {
  const copy = { ...scenario };
  delete copy.stickiness;
  return copy;
}
