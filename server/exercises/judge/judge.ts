import os from 'node:os';
import type { Exercise } from '@/lib/grading/load-exercises';
import { submissionSize, SUBMISSION_LIMIT_BYTES } from '@/lib/grading/submission';
import { refusedVerdict, type Verdict } from '@/lib/grading/verdict';
import { loadExerciseCatalog, type ExerciseCatalog } from './exercise-files';
import { JudgePool, type JobOwner, type JudgePoolOptions } from './pool';
import type { JudgeLimits } from './protocol';
import { createMemoryRateLimiter, type RateLimiter } from './rate-limit-store';

export interface JudgeOptions {
  /** Worker pool settings; size defaults to JUDGE_WORKERS or the CPU count clamped to 2…4. */
  pool?: Partial<JudgePoolOptions>;
  /** Where exercises come from, called per submission (tests pass fixtures). Default: content/exercises, read once. */
  catalog?: () => Promise<ExerciseCatalog>;
  rateLimiter?: RateLimiter;
}

/** The server judge: validates, rate-limits and queues submissions for the worker pool. */
export interface Judge {
  /**
   * Judges `code` against exercise `exerciseId`'s visible and hidden tests. Throws UnknownExerciseError
   * for an id that is not an exercise. `owners` cap how many jobs one learner or address has in the pool.
   */
  judgeSubmission(exerciseId: string, code: string, owners?: readonly JobOwner[]): Promise<Verdict>;
  /** The same, after taking one of `learnerId`'s rate-limit tokens: a `rate-limited` verdict when none is left. */
  judgeSubmissionFor(learnerId: string, exerciseId: string, code: string): Promise<Verdict>;
  /** Judges against an exercise given directly (fixtures, authoring checks). */
  judgeExercise(exercise: Exercise, code: string, owners?: readonly JobOwner[]): Promise<Verdict>;
  readonly rateLimiter: RateLimiter;
  readonly pool: JudgePool;
  close(): Promise<void>;
}

export class UnknownExerciseError extends Error {}

/** The limits a submission to this exercise runs under. */
export function limitsFor(exercise: Exercise): JudgeLimits {
  return { timeMs: exercise.meta.timeLimitMs, memoryBytes: exercise.meta.memoryLimitMb * 1024 * 1024 };
}

export function defaultPoolSize(): number {
  const configured = Number(process.env.JUDGE_WORKERS);
  if (Number.isInteger(configured) && configured > 0) return configured;
  return Math.max(2, Math.min(4, os.availableParallelism()));
}

export function createJudge(options: JudgeOptions = {}): Judge {
  const pool = new JudgePool({ size: defaultPoolSize(), ...options.pool });
  const rateLimiter = options.rateLimiter ?? createMemoryRateLimiter();
  let loaded: Promise<ExerciseCatalog> | undefined;
  const loadCatalog = options.catalog ?? (() => (loaded ??= loadExerciseCatalog()));
  const exerciseById = async (exerciseId: string): Promise<Exercise> => {
    const exercise = (await loadCatalog()).byId.get(exerciseId);
    if (!exercise) throw new UnknownExerciseError(`No exercise "${exerciseId}".`);
    return exercise;
  };

  const judgeExercise = async (exercise: Exercise, code: string, owners: readonly JobOwner[] = []): Promise<Verdict> => {
    const limits = limitsFor(exercise);
    const size = submissionSize(code);
    if (!size.fits) {
      return refusedVerdict(exercise.meta.id, 'too-large', `The submission is ${kib(size.bytes)}; the limit is ${kib(SUBMISSION_LIMIT_BYTES)}.`, limits);
    }
    const { sources } = exercise;
    return pool.run({ exerciseId: exercise.meta.id, code, visibleTests: sources.visibleTests, hiddenTests: sources.hiddenTests, limits }, owners);
  };

  return {
    judgeSubmission: async (exerciseId, code, owners) => judgeExercise(await exerciseById(exerciseId), code, owners),
    judgeExercise,
    async judgeSubmissionFor(learnerId, exerciseId, code) {
      const exercise = await exerciseById(exerciseId);
      const decision = await rateLimiter.take(learnerId);
      if (!decision.allowed) {
        const seconds = Math.ceil(decision.retryAfterMs / 1000);
        return refusedVerdict(exerciseId, 'rate-limited', `Too many submissions; try again in ${seconds} s.`, limitsFor(exercise), { retryAfterMs: decision.retryAfterMs });
      }
      return judgeExercise(exercise, code);
    },
    rateLimiter,
    pool,
    close: () => pool.close(),
  };
}

function kib(bytes: number): string {
  return `${Math.round((bytes / 1024) * 10) / 10} KB`;
}
