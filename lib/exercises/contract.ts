import { z } from 'zod';
import type { NewReviewCard } from '@/lib/drills/review-cards';
import { SUBMISSION_LIMIT_BYTES, utf8ByteLength } from '@/lib/grading/submission';
import { HIDDEN_FALLBACK, hiddenTestView } from '@/lib/grading/hidden-tests';
import type { ExerciseMeta } from '@/lib/grading/exercise-schema';
import type { Verdict, VerdictStatus } from '@/lib/grading/verdict';
import { fitVerdict } from '@/lib/grading/verdict-budget';
import { requestIdSchema } from '@/lib/progress/contract';
import type { SolutionAccess } from './solution-access';
import { unstorableText } from './storable-text';

/*
 * The exercise APIs' wire contract (submissions, drafts, the earned solution) and the pure rules
 * around it: what a learner's status is, when the reference solution is theirs to see, and which
 * review cards a rejected submission adds. Route handlers and pages both import from here.
 */

/** Largest body the submission and draft APIs read: the code's 64 KiB, JSON-escaped, with room for the envelope. */
export const MAX_EXERCISE_BODY_BYTES = 2 * SUBMISSION_LIMIT_BYTES + 1024;

/** Submissions listed in the history (newest first). */
export const HISTORY_LIMIT = 20;

/** Marks the size refinement's issue, which the routes answer with 413 rather than 400. */
export const TOO_LARGE = 'too-large';

const code = z
  .string()
  .refine((text) => utf8ByteLength(text) <= SUBMISSION_LIMIT_BYTES, { message: `code is at most ${SUBMISSION_LIMIT_BYTES / 1024} KB (UTF-8)`, params: { reason: TOO_LARGE } })
  .superRefine((text, context) => {
    const problem = unstorableText(text);
    if (problem) context.addIssue({ code: 'custom', message: `code ${problem}` });
  });

// Optional, so a page loaded before the editor sent one still saves; the server then makes one up.
const requestId = requestIdSchema.optional();

/** POST /api/exercises/:id/submissions */
export const submissionRequestSchema = z.strictObject({ code, requestId });

/** PUT /api/exercises/:id/draft */
export const draftRequestSchema = z.strictObject({ code, requestId });

export type SubmissionRequest = z.infer<typeof submissionRequestSchema>;
export type DraftRequest = z.infer<typeof draftRequestSchema>;

/** What the exercise list shows for one learner and exercise. */
export type ExerciseStatus = 'not-started' | 'attempted' | 'passed';

/** One row of the exercise list. */
export interface ExerciseListItem {
  meta: ExerciseMeta;
  status: ExerciseStatus;
  lesson: { slug: string; title: string } | null;
}

/** One row of the submission history. */
export interface SubmissionView {
  id: string;
  status: VerdictStatus;
  summary: string;
  passed: number;
  total: number;
  createdAt: string;
}

/** The submission API's answer: the verdict, the new history row and whether the solution is now available. */
export interface SubmissionResponse {
  verdict: Verdict;
  submission: SubmissionView;
  solution: SolutionAccess;
}

/** Statuses that say nothing about the learner's code: they do not count as an attempt. */
const REFUSALS: ReadonlySet<VerdictStatus> = new Set(['too-large', 'rate-limited', 'unavailable', 'internal-error']);

/** Whether a verdict is worth storing: the judge actually ran the learner's code. */
export function countsAsAttempt(status: VerdictStatus): boolean {
  return !REFUSALS.has(status);
}

/** not started → attempted (any stored submission or a saved draft) → passed (any accepted submission). */
export function exerciseStatus(statuses: readonly string[], hasDraft: boolean): ExerciseStatus {
  if (statuses.includes('accepted')) return 'passed';
  return statuses.length > 0 || hasDraft ? 'attempted' : 'not-started';
}


/**
 * The verdict as it is stored and as the browser may see it: a hidden test keeps its name, its
 * outcome and its author-written description (the judge already reports no more), and the whole
 * fits the verdict byte budget.
 */
export function publicVerdict(verdict: Verdict): Verdict {
  return fitVerdict({ ...verdict, tests: verdict.tests.map((test) => (test.suite === 'hidden' ? hiddenTestView(test, test.message ?? HIDDEN_FALLBACK) : test)) });
}

/** "Round robin › skips a server that is down" → "skips-a-server-that-is-down", within the card key's alphabet. */
function keyPart(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 120) || 'test';
}

/**
 * One review card per failed test of a rejected submission, keyed `exercise:<id>:<test>` so a
 * test failed again brings its card back instead of adding a second one.
 */
export function cardsForFailedTests(exercise: { id: string; title: string; lesson: string }, verdict: Verdict): NewReviewCard[] {
  if (verdict.status !== 'rejected') return [];
  return verdict.tests
    .filter((test) => !test.passed && test.failure !== 'not-run' && test.failure !== 'load-error')
    .slice(0, 10)
    .map((test) => ({
      sourceKey: `exercise:${exercise.id}:${keyPart(test.name)}`.slice(0, 200),
      source: 'exercise' as const,
      front: `${exercise.title}: why must your code pass “${test.name}”?`.slice(0, 2000),
      back: `${test.suite === 'hidden' ? 'A hidden test' : 'A visible test'} failed: ${test.message ?? 'no message'}`.slice(0, 6000),
      topic: exercise.lesson,
      href: `/exercises/${exercise.id}`,
    }));
}
