import type { AlgorithmName, BackendId, BackendView, Balancer, PickRequest } from '@/lib/balancers/types';
import type { Random } from '@/lib/random/seeded';
import { runSimulation } from '@/lib/sim/simulator';

/** The simulator's seedable generator, for tests that call a learner's balancer directly. */
export { seededRandom } from '@/lib/random/seeded';
import type { MetricsSummary } from '@/lib/sim/metrics';
import { thrownText } from './thrown-text';
import { TRACKS, type TrackId } from './tracks';

/** What the capstone asks a learner to write: the engine's Balancer without its name. */
export interface LearnerBalancer {
  pick(backends: readonly BackendView[], request: PickRequest): string | undefined;
}

/** Builds a fresh balancer; randomised ones should draw from `random`, so a race replays exactly. */
export type LearnerBalancerFactory = (random: Random) => LearnerBalancer;

/** One balancer's result on one track. */
export interface RaceResult {
  track: TrackId;
  p99Ms: number;
  p50Ms: number;
  /** Measured requests. */
  arrived: number;
  served: number;
  /** Turned away (no usable backend, or a full queue) plus lost to a crashed server. */
  lost: number;
  lostShare: number;
  /** Whether p99 and lostShare are within the track's limits. */
  passed: boolean;
}

export class PickError extends Error {}

/** The built-ins a race compares against, in the order a results table lists them. */
export const RIVALS: readonly AlgorithmName[] = ['round-robin', 'weighted-round-robin', 'random', 'least-connections', 'power-of-two'];

/**
 * Runs `track` with the learner's balancer in place of the engine's, on exactly the traffic the
 * built-ins see (the same seed; `seed` overrides it, as hidden tests do so a balancer cannot be
 * tuned to one sequence). Each pick gets frozen copies of the views, so a balancer cannot edit the
 * simulator's state, and must name a usable backend or return undefined (a 502); anything else
 * stops the race with a PickError that says what came back.
 */
export function race(trackId: TrackId, factory: LearnerBalancerFactory, options: { seed?: number } = {}): RaceResult {
  const track = trackOf(trackId);
  const scenario = options.seed === undefined ? track.scenario : { ...track.scenario, seed: options.seed };
  const summary = runSimulation(scenario, { balancer: (random) => guarded(factory(random)) });
  return resultOf(trackId, summary);
}

/** The same race for a built-in algorithm. */
export function raceBuiltIn(trackId: TrackId, algorithm: AlgorithmName, options: { seed?: number } = {}): RaceResult {
  const track = trackOf(trackId);
  const scenario = { ...track.scenario, algorithm, ...(options.seed === undefined ? {} : { seed: options.seed }) };
  return resultOf(trackId, runSimulation(scenario));
}

function trackOf(trackId: TrackId) {
  const track = Object.hasOwn(TRACKS, trackId) ? TRACKS[trackId] : undefined;
  if (!track) throw new RangeError(`There is no race track "${String(trackId)}".`);
  return track;
}

function resultOf(trackId: TrackId, summary: MetricsSummary): RaceResult {
  const { limits } = TRACKS[trackId];
  const lost = summary.dropped + summary.failed;
  const lostShare = summary.arrived === 0 ? 0 : lost / summary.arrived;
  const p99Ms = round(summary.latencyMs.p99);
  return {
    track: trackId,
    p99Ms,
    p50Ms: round(summary.latencyMs.p50),
    arrived: summary.arrived,
    served: summary.served,
    lost,
    lostShare,
    passed: p99Ms <= limits.p99Ms && lostShare <= limits.lostShare,
  };
}

const round = (ms: number) => (Number.isFinite(ms) ? Math.round(ms * 10) / 10 : ms);

function guarded(learner: LearnerBalancer): Balancer {
  if (typeof learner !== 'object' || learner === null || typeof learner.pick !== 'function') {
    throw new PickError('createBalancer must return an object with a pick(backends, request) method.');
  }
  let picks = 0;
  return {
    algorithm: 'custom',
    pick(views, request) {
      picks++;
      const copies = Object.freeze(views.map((view) => Object.freeze({ ...view })));
      let chosen: unknown;
      try {
        chosen = learner.pick(copies, Object.freeze({ ...request }));
      } catch (error) {
        throw new PickError(`pick threw on request ${picks}: ${thrownText(error)}`);
      }
      if (chosen === undefined) return undefined;
      const view = views.find((candidate) => candidate.id === chosen);
      if (!view) throw new PickError(`pick returned ${describe(chosen)} on request ${picks}, which is not a backend id (${views.map((v) => v.id).join(', ')}).`);
      if (!view.usable) throw new PickError(`pick returned "${view.id}" on request ${picks}, but it is not usable (down, draining or full); skip it.`);
      return view.id as BackendId;
    },
  };
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `"${value.slice(0, 40)}"` : typeof value === 'object' ? `an ${value === null ? 'null' : 'object'}` : `${typeof value} ${String(value)}`;
}
