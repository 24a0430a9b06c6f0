import { draftRequestSchema, MAX_EXERCISE_BODY_BYTES } from '@/lib/exercises/contract';
import { handle } from '@/server/http/route-kit';
import { requireExercise } from '@/server/exercises/require-exercise';
import { fetchDraft, saveDraft } from '@/server/exercises/learner-work';

/** The learner's saved draft, or `draft: null`. */
export const GET = handle({ params: ['id'], learner: 'read' }, async ({ params, learnerId }) => ({
  draft: await fetchDraft(learnerId, (await requireExercise(params.id)).meta.id),
}));

const body = { schema: draftRequestSchema, what: 'draft', maxBytes: MAX_EXERCISE_BODY_BYTES };

/** Saves the learner's code as their draft; the page calls this debounced as they type. Never runs it. */
export const PUT = handle({ params: ['id'], body, learner: 'write' }, async ({ params, body: { code, requestId }, learner }) => {
  const updatedAt = await saveDraft(learner, (await requireExercise(params.id)).meta.id, code, requestId);
  return { savedAt: updatedAt.toISOString() };
});
