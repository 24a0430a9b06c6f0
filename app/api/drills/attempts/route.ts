import { attemptRequestSchema, MAX_DRILL_BODY_BYTES } from '@/lib/drills/contract';
import { handle } from '@/server/http/route-kit';
import { recordPracticeAttempt } from '@/server/drills/attempts';

const body = { schema: attemptRequestSchema, what: 'answer', maxBytes: MAX_DRILL_BODY_BYTES };

/** Scores a practice answer and returns the feedback, then the model answer. */
export const POST = handle({ body, learner: 'write' }, async ({ body, learner }) => recordPracticeAttempt(learner, body));
