import { MAX_DRILL_BODY_BYTES, mockActionRequestSchema } from '@/lib/drills/contract';
import { handle } from '@/server/http/route-kit';
import { actOnMockSession, fetchMockSession } from '@/server/drills/mock-sessions';

/** A mock interview's state, with the server's clock. */
export const GET = handle({ params: ['sessionId'], learner: 'read' }, async ({ params, learnerId }) => fetchMockSession(learnerId, params.sessionId));

const body = { schema: mockActionRequestSchema, what: 'mock interview action', maxBytes: MAX_DRILL_BODY_BYTES };

/** Submits the current phase, resumes an abandoned session, or discards it. */
export const POST = handle({ params: ['sessionId'], body, learner: 'write' }, async ({ params, body, learner }) => actOnMockSession(learner, params.sessionId, body));
