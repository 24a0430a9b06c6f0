import { MAX_DRILL_BODY_BYTES, mockStartRequestSchema } from '@/lib/drills/contract';
import { handle } from '@/server/http/route-kit';
import { fetchMockHistory } from '@/server/drills/mock-history';
import { fetchActiveMockSession, startMockSession } from '@/server/drills/mock-sessions';

/** The learner's unfinished mock interview (or null) and their finished ones. */
export const GET = handle({ learner: 'read' }, async ({ learnerId }) => {
  const [active, history] = await Promise.all([fetchActiveMockSession(learnerId), fetchMockHistory(learnerId)]);
  return { active, history };
});

const body = { schema: mockStartRequestSchema, what: 'mock interview', maxBytes: MAX_DRILL_BODY_BYTES };

/** Starts a mock interview; the server's clock starts the first phase. */
export const POST = handle({ body, learner: 'write' }, async ({ body, learner }) => startMockSession(learner, body));
