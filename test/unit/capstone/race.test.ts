import { describe, expect, it } from 'vitest';
import { createBalancer } from '@/lib/balancers/registry';
import type { Random } from '@/lib/random/seeded';
import { race, raceBuiltIn, RIVALS, PickError, type LearnerBalancer } from '@/lib/capstone/race';
import { labHref, raceAll } from '@/lib/capstone/race-all';
import { resolveLabRequest } from '@/lib/lab/resolve-lab-request';
import { raceSummary, tracksPassed } from '@/lib/capstone/race-summary';
import { TRACK_IDS, TRACKS } from '@/lib/capstone/tracks';

/** The engine's own algorithm, handed to race() as if a learner had written it. */
const asLearner = (name: Parameters<typeof createBalancer>[0]) => (random: Random): LearnerBalancer => createBalancer(name, random);
const firstUsable = (): LearnerBalancer => ({ pick: (backends) => backends.find((b) => b.usable)?.id });
/** The seeds the capstone's hidden tests use, plus the published default. */
const SEEDS = [undefined, 7, 8, 9];

describe('race', () => {
  it('runs a learner balancer on exactly the traffic a built-in sees: the same algorithm gives the same numbers', () => {
    for (const track of TRACK_IDS) {
      for (const algorithm of ['least-connections', 'power-of-two'] as const) {
        expect(race(track, asLearner(algorithm))).toEqual(raceBuiltIn(track, algorithm));
      }
    }
  });

  it('changes the traffic with the seed', () => {
    expect(raceBuiltIn('uneven-costs', 'round-robin', { seed: 7 })).not.toEqual(raceBuiltIn('uneven-costs', 'round-robin'));
  });

  it('hands pick frozen copies, so a balancer cannot edit what the simulator knows', () => {
    let sawFrozen = true;
    race('server-crash', () => ({
      pick(backends) {
        sawFrozen &&= Object.isFrozen(backends) && backends.every((backend) => Object.isFrozen(backend));
        return backends.find((b) => b.usable)?.id;
      },
    }));
    expect(sawFrozen).toBe(true);
  });

  it('stops with a PickError naming the request when pick returns a backend that is down', () => {
    expect(() => race('server-crash', () => ({ pick: (backends) => backends[2]!.id }))).toThrow(/not usable/);
    expect(() => race('server-crash', () => ({ pick: (backends) => backends[2]!.id }))).toThrow(PickError);
  });

  it('stops with a PickError when pick returns something that is not a backend id, or throws', () => {
    expect(() => race('uneven-costs', () => ({ pick: () => 'z' }))).toThrow(/"z" on request 1, which is not a backend id \(a, b, c, d\)/);
    expect(() => race('uneven-costs', () => ({ pick: () => 3 as unknown as string }))).toThrow(/number 3/);
    expect(() =>
      race('uneven-costs', () => ({
        pick() {
          throw new RangeError('boom');
        },
      })),
    ).toThrow('pick threw on request 1: RangeError: boom');
    expect(() => race('uneven-costs', () => ({}) as LearnerBalancer)).toThrow(/pick\(backends, request\) method/);
  });

  it('counts undefined as a request no backend took (a 502)', () => {
    const result = race('uneven-costs', () => ({ pick: () => undefined }));
    expect(result.served).toBe(0);
    expect(result.lost).toBe(result.arrived);
    expect(result.passed).toBe(false);
  });

  it('refuses a track that does not exist', () => {
    expect(() => race('nope' as never, firstUsable)).toThrow(RangeError);
  });
});

describe('the tracks’ limits sit between the built-ins that handle them and those that do not', () => {
  it('least connections passes every track on every seed the tests use', () => {
    for (const track of TRACK_IDS) for (const seed of SEEDS) expect(raceBuiltIn(track, 'least-connections', { seed }).passed, `${track} seed ${seed}`).toBe(true);
  });

  it('round robin and weighted round robin fail uneven costs on every seed, by far', () => {
    for (const seed of SEEDS) {
      for (const algorithm of ['round-robin', 'weighted-round-robin'] as const) {
        expect(raceBuiltIn('uneven-costs', algorithm, { seed }).p99Ms).toBeGreaterThan(TRACKS['uneven-costs'].limits.p99Ms * 1.5);
      }
    }
  });

  it('round robin fails servers of different sizes on every seed', () => {
    for (const seed of SEEDS) expect(raceBuiltIn('mixed-sizes', 'round-robin', { seed }).passed).toBe(false);
  });

  it('a balancer that ignores load (always the first usable backend) fails uneven costs', () => {
    expect(race('uneven-costs', firstUsable).passed).toBe(false);
  });
});

describe('raceAll and its summary', () => {
  it('lists the learner first, then every rival, on every track', () => {
    const tracks = raceAll(asLearner('least-connections'));
    expect(tracks.map((t) => t.track)).toEqual([...TRACK_IDS]);
    for (const track of tracks) expect(track.rows.map((row) => row.balancer)).toEqual(['yours', ...RIVALS]);
    expect(tracksPassed(tracks)).toEqual({ passed: 3, total: 3 });
    expect(raceSummary({ ok: true, tracks })).toEqual({ ok: true, text: 'Your balancer passes 3 of 3 tracks' });
  });

  it('keeps racing the built-ins when the learner’s balancer fails, and says why', () => {
    const tracks = raceAll(() => ({ pick: () => 'z' }));
    for (const track of tracks) {
      expect(track.rows[0]!.error).toMatch(/not a backend id/);
      expect(track.rows.slice(1).every((row) => row.result !== undefined)).toBe(true);
    }
    const summary = raceSummary({ ok: true, tracks });
    expect(summary.ok).toBe(false);
    expect(summary.text).toMatch(/^Uneven request costs: pick returned "z"/);
  });

  it('links each track to the lab, as a valid shared run of the same scenario', () => {
    for (const track of TRACK_IDS) {
      const run = new URL(labHref(track), 'http://localhost').searchParams.get('run')!;
      const resolved = resolveLabRequest({ run });
      expect(resolved.state.variants.map((v) => v.scenario)).toEqual([
        { ...TRACKS[track].scenario, algorithm: 'round-robin' },
        { ...TRACKS[track].scenario, algorithm: 'least-connections' },
      ]);
    }
  });

  it('summarises a compile error with its position', () => {
    expect(raceSummary({ ok: false, compileError: { file: 'solution.ts', message: 'Unexpected token', line: 3, column: 7 } }).text).toBe('solution.ts does not compile (line 3:7): Unexpected token');
  });
});
