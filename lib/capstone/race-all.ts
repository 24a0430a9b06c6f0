import type { AlgorithmName } from '@/lib/balancers/types';
import { encodeLabState } from '@/lib/lab/lab-state';
import { PickError, race, raceBuiltIn, RIVALS, type LearnerBalancerFactory, type RaceResult } from './race';
import { thrownText } from './thrown-text';
import { TRACK_IDS, TRACKS, type Track, type TrackId } from './tracks';

/** One balancer's line in a track's table: its result, or why it has none. */
export interface RaceRow {
  balancer: 'yours' | AlgorithmName;
  result?: RaceResult;
  error?: string;
}

export interface TrackRace {
  track: TrackId;
  title: string;
  challenge: string;
  limits: Track['limits'];
  rows: RaceRow[];
  /** The track in the lab, round robin beside least connections, to watch what the numbers mean. */
  labHref: string;
}

/**
 * The capstone's race table: the learner's balancer and every rival on each track, on the same
 * seeded traffic. A learner balancer that throws or returns a bad id gets an error row and the
 * rest of the table still runs, so the learner sees what the built-ins score.
 */
export function raceAll(factory: LearnerBalancerFactory): TrackRace[] {
  return TRACK_IDS.map((trackId) => {
    const { title, challenge, limits } = TRACKS[trackId];
    const rows: RaceRow[] = [yourRow(trackId, factory), ...RIVALS.map((algorithm) => ({ balancer: algorithm, result: raceBuiltIn(trackId, algorithm) }))];
    return { track: trackId, title, challenge, limits, rows, labHref: labHref(trackId) };
  });
}

/** A shareable lab link (the lab's own URL format) that replays `trackId` with two built-ins side by side. */
export function labHref(trackId: TrackId): string {
  const { scenario } = TRACKS[trackId];
  const variant = (label: string, algorithm: AlgorithmName) => ({ label, scenario: { ...scenario, algorithm } });
  return `/lab?run=${encodeLabState({ variants: [variant('Round robin', 'round-robin'), variant('Least connections', 'least-connections')], commands: [] })}`;
}

function yourRow(trackId: TrackId, factory: LearnerBalancerFactory): RaceRow {
  try {
    return { balancer: 'yours', result: race(trackId, factory) };
  } catch (error) {
    return { balancer: 'yours', error: error instanceof PickError ? error.message : thrownText(error) };
  }
}
