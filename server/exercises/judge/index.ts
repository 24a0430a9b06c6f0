import 'server-only';
import { toPublicExercise, type PublicExercise } from '@/lib/grading/load-exercises';
import type { Verdict } from '@/lib/grading/verdict';
import { loadExerciseCatalog, type ExerciseCatalog } from './exercise-files';
import { ADDRESS_RATE_LIMIT, JUDGE_RATE_LIMIT } from '@/lib/grading/rate-limit';
import { createDatabaseRateLimiter } from './database-rate-limiter';
import { createJudge, type Judge } from './judge';
import type { JobOwner } from './pool';

/*
 * The judge as the app uses it: one pool of worker threads per server process, started on first
 * use. Route handlers call these; nothing here trusts the browser.
 */

export { UnknownExerciseError } from './judge';
export type { Verdict, VerdictStatus, VerdictTest, TestFailure } from '@/lib/grading/verdict';
export type { PublicExercise } from '@/lib/grading/load-exercises';

let cachedCatalog: Promise<ExerciseCatalog> | undefined;

/** The validated exercises: read once in production, on every call in development so edits show up. */
function catalog(): Promise<ExerciseCatalog> {
  if (process.env.NODE_ENV !== 'production') return loadExerciseCatalog();
  cachedCatalog ??= loadExerciseCatalog();
  return cachedCatalog;
}

const learnerBuckets = createDatabaseRateLimiter(JUDGE_RATE_LIMIT);
const addressBuckets = createDatabaseRateLimiter(ADDRESS_RATE_LIMIT);

// Kept on globalThis so `next dev` reloading this module does not start a second pool.
const JUDGE = Symbol.for('traffic-cop.judge');
type WithJudge = typeof globalThis & { [JUDGE]?: Judge };

function judge(): Judge {
  const scope = globalThis as WithJudge;
  scope[JUDGE] ??= createJudge({ catalog, rateLimiter: learnerBuckets });
  return scope[JUDGE];
}

/** Who is submitting: the learner when the request names one, and the client's address. */
export interface Submitter {
  learnerId?: string;
  address: string;
}

/** Jobs one learner, and one address, may have with the judge at once (waiting or running). */
const JOBS_PER_LEARNER = 2;
const JOBS_PER_ADDRESS = 4;

function ownersOf(submitter: Submitter): JobOwner[] {
  const owners: JobOwner[] = [{ key: `address:${submitter.address}`, maxJobs: JOBS_PER_ADDRESS }];
  if (submitter.learnerId) owners.unshift({ key: `learner:${submitter.learnerId}`, maxJobs: JOBS_PER_LEARNER });
  return owners;
}

/**
 * Judges a submission to an exercise. Throws UnknownExerciseError for an unknown id. A submitter
 * with too many jobs already in this instance's pool gets a `rate-limited` verdict.
 */
export function judgeSubmission(exerciseId: string, code: string, submitter?: Submitter): Promise<Verdict> {
  return judge().judgeSubmission(exerciseId, code, submitter && ownersOf(submitter));
}

/**
 * Takes a token from the learner's bucket (5 at once, one more every 3 s), then from the address's
 * (20 at once, one every 2 s). Both live in the database, so all instances count together. A
 * request with no learner yet has only the address's bucket: it creates no learner to limit.
 */
export async function admitSubmission(submitter: Submitter): Promise<{ allowed: boolean; retryAfterMs: number }> {
  if (submitter.learnerId) {
    const learner = await learnerBuckets.take(`learner:${submitter.learnerId}`);
    if (!learner.allowed) return learner;
  }
  return addressBuckets.take(`address:${submitter.address}`);
}

/** Every exercise in the order of content/exercises/order.ts, without hidden tests, solutions or decoys. */
export async function listExercises(): Promise<PublicExercise[]> {
  return (await catalog()).exercises.map(toPublicExercise);
}

/** One exercise for its page, without hidden tests, the solution or the decoy. */
export async function getExercise(id: string): Promise<PublicExercise | undefined> {
  const exercise = (await catalog()).byId.get(id);
  return exercise && toPublicExercise(exercise);
}

/** The reference solution, for the diff view: the caller decides whether the learner has earned it. */
export async function getExerciseSolution(id: string): Promise<string | undefined> {
  return (await catalog()).byId.get(id)?.sources.solution;
}
