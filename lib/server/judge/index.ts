import 'server-only';
import { toPublicExercise, type PublicExercise } from '@/lib/grading/load-exercises';
import type { Verdict } from '@/lib/grading/verdict';
import { loadExerciseCatalog, type ExerciseCatalog } from './exercise-files';
import { createJudge, type Judge } from './judge';

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

// Kept on globalThis so `next dev` reloading this module does not start a second pool.
const JUDGE = Symbol.for('traffic-cop.judge');
type WithJudge = typeof globalThis & { [JUDGE]?: Judge };

function judge(): Judge {
  const scope = globalThis as WithJudge;
  scope[JUDGE] ??= createJudge({ catalog });
  return scope[JUDGE];
}

/** Judges a submission to an exercise. Throws UnknownExerciseError for an unknown id. */
export function judgeSubmission(exerciseId: string, code: string): Promise<Verdict> {
  return judge().judgeSubmission(exerciseId, code);
}

/** Judges a submission after taking one of the learner's tokens (5 at once, one more every 3 s): `rate-limited` when none is left. */
export function judgeSubmissionFor(learnerId: string, exerciseId: string, code: string): Promise<Verdict> {
  return judge().judgeSubmissionFor(learnerId, exerciseId, code);
}

/** Takes one submission token for the learner without judging (for routes that answer 429 themselves). */
export function takeSubmissionToken(learnerId: string): { allowed: boolean; retryAfterMs: number } {
  return judge().rateLimiter.take(learnerId);
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
