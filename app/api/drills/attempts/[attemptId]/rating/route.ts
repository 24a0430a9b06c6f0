import { MAX_DRILL_BODY_BYTES, selfRatingRequestSchema } from '@/lib/drills/contract';
import { handle } from '@/server/http/route-kit';
import { rateAttempt } from '@/server/drills/attempts';

const body = { schema: selfRatingRequestSchema, what: 'rating', maxBytes: MAX_DRILL_BODY_BYTES };

/** The learner's self-rating of a practice answer; schedules the question for review. */
export const POST = handle({ params: ['attemptId'], body, learner: 'write' }, async ({ params, body, learner }) => rateAttempt(learner, params.attemptId, body));
