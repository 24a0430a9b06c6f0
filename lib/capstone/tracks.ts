import { findNamedScenario } from '@/lib/sim/named-scenarios';
import { defineScenario, type Scenario, type ServerSpec, type ValidScenario } from '@/lib/sim/scenario';

/** The capstone's race tracks, by id: fixed traffic a learner's balancer is graded on. */
export const TRACK_IDS = ['uneven-costs', 'mixed-sizes', 'server-crash'] as const;
export type TrackId = (typeof TRACK_IDS)[number];

export interface Track {
  id: TrackId;
  title: string;
  /** What the track punishes, in one line. */
  challenge: string;
  /** `algorithm` is ignored by a race: the learner's balancer or the named built-in replaces it. */
  scenario: ValidScenario;
  /** A balancer passes the track when its p99 and its share of lost requests are at most these. */
  limits: { p99Ms: number; lostShare: number };
}

const equal = (count: number, spec: ServerSpec): ServerSpec[] => Array.from({ length: count }, () => ({ ...spec }));

/** A lesson's named scenario (its first variant) on the track's own seed and length, so a track races what a lesson showed. */
function fromNamed(id: string, overrides: Partial<Scenario>): ValidScenario {
  const named = findNamedScenario(id);
  if (!named) throw new Error(`no named scenario ${id}`);
  return defineScenario({ ...named.variants[0].scenario, ...overrides });
}

/**
 * Short enough to race every built-in inside the judge's isolate (about 5,000 requests each), long
 * enough that a p99 rests on 50 requests or more. Limits sit between the built-ins that handle the
 * track and those that do not; test/unit/capstone checks both sides stay true.
 */
export const TRACKS: Record<TrackId, Track> = {
  'uneven-costs': {
    id: 'uneven-costs',
    title: 'Uneven request costs',
    challenge: 'A few requests take 10× the mean: a server that drew one falls behind, and a balancer that keeps feeding it makes its queue everyone’s tail latency.',
    scenario: fromNamed('round-robin-uneven-costs', { seed: 101, durationMs: 20_000, warmupRequests: 200 }),
    limits: { p99Ms: 300, lostShare: 0 },
  },
  'mixed-sizes': {
    id: 'mixed-sizes',
    title: 'Servers of different sizes',
    challenge: 'One server has 8 workers, one 4, one 2 (weights 4, 2, 1). Equal turns overload the small one until its queue overflows.',
    scenario: fromNamed('weighted-servers-different-sizes', { seed: 102, durationMs: 6_000, warmupRequests: 200 }),
    limits: { p99Ms: 100, lostShare: 0.001 },
  },
  'server-crash': {
    id: 'server-crash',
    title: 'A server crashes and comes back',
    challenge: 'Server c dies at 4 s and returns at 9 s. Its in-flight requests are lost whatever you do; sending it more while it is down loses those too.',
    scenario: defineScenario({
      seed: 103,
      algorithm: 'round-robin',
      servers: equal(4, { weight: 1, capacity: 4, queueLimit: 40 }),
      arrivals: { pattern: 'poisson', ratePerSecond: 400 },
      cost: { distribution: 'exponential', meanMs: 8 },
      durationMs: 12_000,
      warmupRequests: 200,
      failures: [
        { atMs: 4_000, server: 2, kind: 'crash' },
        { atMs: 9_000, server: 2, kind: 'recover' },
      ],
    }),
    limits: { p99Ms: 100, lostShare: 0.002 },
  },
};
