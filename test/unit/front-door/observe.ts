import type { FrontDoor } from '@/lib/sim-front-door/types';
import { seededRandom } from '@/lib/random/seeded';

/** One client's runs of failed requests as [first failure, first success after it), sampling every stepMs. */
export function failureWindows(frontDoor: FrontDoor, client: number, untilMs: number, stepMs = 100): [number, number][] {
  const windows: [number, number][] = [];
  let failingSince: number | undefined;
  for (let t = 0; t <= untilMs; t += stepMs) {
    const admitted = frontDoor.admit(client, t);
    if (!admitted && failingSince === undefined) failingSince = t;
    if (admitted && failingSince !== undefined) {
      windows.push([failingSince, t]);
      failingSince = undefined;
    }
  }
  if (failingSince !== undefined) windows.push([failingSince, Infinity]);
  return windows;
}

export interface CrowdOptions {
  clients: number;
  /** Each client sends one request every spacingMs... */
  spacingMs: number;
  /** ...starting at a moment spread over [0, spreadMs), so clients resolve DNS at different times. */
  spreadMs: number;
  untilMs: number;
  /** Chance that a client sends at its turn (default 1). Below 1 the pace jitters, so clients do not re-resolve in lockstep. */
  sendChance?: number;
}

/**
 * Many clients sending at a steady pace, interleaved so that calls come in time order. Returns the
 * longest run one client saw, from the first to the last failed request before its next success,
 * and how many requests failed in all.
 */
export function observeCrowd(frontDoor: FrontDoor, { clients, spacingMs, spreadMs, untilMs, sendChance = 1 }: CrowdOptions): { longestRunMs: number; failures: number } {
  const tickMs = spacingMs / clients;
  // A fixed stride visits every client once, scattering start times over the spread.
  const startMs = Float64Array.from({ length: clients }, (_, i) => (((i * 7919) % clients) / clients) * spreadMs);
  const failingSince = new Float64Array(clients).fill(NaN);
  const jitter = seededRandom(11);
  let longestRunMs = 0;
  let failures = 0;
  for (let tick = 0; tick * tickMs <= untilMs; tick++) {
    const client = tick % clients;
    const t = tick * tickMs;
    if (t < startMs[client]! || (sendChance < 1 && jitter() >= sendChance)) continue;
    if (frontDoor.admit(client, t)) {
      failingSince[client] = NaN;
      continue;
    }
    failures++;
    if (Number.isNaN(failingSince[client]!)) failingSince[client] = t;
    longestRunMs = Math.max(longestRunMs, t - failingSince[client]!);
  }
  return { longestRunMs, failures };
}
