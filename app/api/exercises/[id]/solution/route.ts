import { FAILS_BEFORE_SOLUTION } from '@/lib/exercises/solution-access';
import { ApiError } from '@/server/http/api-error';
import { handle } from '@/server/http/route-kit';
import { requireExercise } from '@/server/exercises/require-exercise';
import { fetchEarnedSolution } from '@/server/exercises/learner-work';

/** The reference solution, once a passing submit (or FAILS_BEFORE_SOLUTION failed ones) has unlocked it. */
export const GET = handle({ params: ['id'], learner: 'read' }, async ({ params, learnerId }) => {
  const solution = await fetchEarnedSolution(learnerId, (await requireExercise(params.id)).meta.id);
  if (solution === undefined) throw new ApiError(403, `The reference solution unlocks after a passing submit, or after ${FAILS_BEFORE_SOLUTION} submits that did not pass.`);
  return { solution };
});
