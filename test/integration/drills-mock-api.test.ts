import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drillRequest, json, learnerCookie, newRequestId, params } from '../support/drill-api';
import { createFreshDatabase, openDatabase } from '../support/temp-database';
import type { MockPhaseId, MockSessionView } from '@/lib/drills/view';

const databaseUrl = createFreshDatabase();
const mockRoute = await import('@/app/api/drills/mock/route');
const sessionRoute = await import('@/app/api/drills/mock/[sessionId]/route');
const { fetchMockSummary, fetchMockHistory } = await import('@/server/drills/mock-history');
const { loadDrillBank } = await import('@/content/drills/bank');
const { MOCK_PHASE_IDS, PHASE_GRACE_MS } = await import('@/lib/drills/mock-phases');
const bank = loadDrillBank();

const SHORT = [15, 20, 20, 15];
const start = (body: unknown, cookie?: string) => mockRoute.POST(drillRequest('POST', '/api/drills/mock', body, { cookie }));
const act = (sessionId: string, body: unknown, cookie?: string) => sessionRoute.POST(drillRequest('POST', `/api/drills/mock/${sessionId}`, body, { cookie }), params({ sessionId }));
const view = (sessionId: string, cookie?: string) => sessionRoute.GET(drillRequest('GET', `/api/drills/mock/${sessionId}`, undefined, { cookie }), params({ sessionId }));
const submit = (session: MockSessionView, phase: MockPhaseId, text: string, cookie: string, requestId = newRequestId()) =>
  act(session.id, { action: 'submit', requestId, position: session.position, phase, text }, cookie);

const independent = await openDatabase(databaseUrl);
const rowCounts = async () => ({
  learners: await independent.learner.count(),
  events: await independent.drillEvent.count(),
  sessions: await independent.mockSession.count(),
  answers: await independent.mockPhaseAnswer.count(),
  attempts: await independent.drillAttempt.count(),
  cards: await independent.reviewCard.count(),
});
const moveClockBack = (sessionId: string, seconds: number) =>
  independent.mockSession.update({ where: { id: sessionId }, data: { phaseStartedAt: new Date(Date.now() - seconds * 1000) } });

let learner = '';
let session: MockSessionView;
beforeAll(async () => {
  const response = await start({ requestId: newRequestId(), questionCount: 2, phaseSeconds: SHORT, timeZone: 'UTC' });
  expect(response.status).toBe(200);
  learner = learnerCookie(response);
  session = await json<MockSessionView>(response);
});
afterAll(() => independent.$disconnect());

describe('a mock interview', () => {
  it('starts on the first question’s clarify phase, with the server’s clock and no model answer', () => {
    expect(session).toMatchObject({ status: 'active', questionCount: 2, position: 0, phase: 'clarify', phaseSeconds: SHORT, abandoned: false });
    expect(new Date(session.deadline).getTime() - new Date(session.phaseStartedAt).getTime()).toBe(15_000);
    expect(session.current!.followUps).toBeNull();
    expect(JSON.stringify(session)).not.toContain(bank.questionsById.get(session.current!.question.id)!.modelAnswer.slice(0, 60));
  });

  it('keeps the same deadline when the page reloads: the server holds the start time', async () => {
    const again = await json<MockSessionView>(await view(session.id, learner));
    expect(again.deadline).toBe(session.deadline);
    expect(new Date(again.now).getTime()).toBeGreaterThanOrEqual(new Date(session.now).getTime());
  });

  it('refuses a second session while one is active, naming the active one', async () => {
    const before = await rowCounts();
    const response = await start({ requestId: newRequestId(), questionCount: 1, phaseSeconds: SHORT }, learner);
    expect(response.status).toBe(409);
    expect(await json(response)).toMatchObject({ sessionId: session.id, error: expect.stringMatching(/resume it or discard it/) });
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a submit for a phase that is not the current one, returning where the interview is', async () => {
    const before = await rowCounts();
    const response = await submit(session, 'deep-dive', 'Too early.', learner);
    expect(response.status).toBe(409);
    expect((await json<{ session: MockSessionView }>(response)).session.phase).toBe('clarify');
    expect(await rowCounts()).toEqual(before);
  });

  it('chooses the deep-dive follow-ups from the points the high-level answer missed', async () => {
    const requestId = newRequestId();
    session = await json<MockSessionView>(await submit(session, 'clarify', 'How many servers, and do requests differ in cost?', learner, requestId));
    expect(session.phase).toBe('high-level');
    // A retried submit is applied once: the session does not skip a phase.
    const retry = await json<MockSessionView>(await submit({ ...session, position: 0 }, 'clarify', 'How many servers, and do requests differ in cost?', learner, requestId));
    expect(retry.phase).toBe('high-level');

    session = await json<MockSessionView>(await submit(session, 'high-level', 'I am not sure.', learner));
    expect(session.phase).toBe('deep-dive');
    const question = bank.questionsById.get(session.current!.question.id)!;
    const probing = new Map(question.followUps.map((followUp) => [followUp.prompt, followUp.probes]));
    expect(session.current!.followUps!.length).toBeGreaterThan(0);
    const heaviest = Math.max(...question.rubric.filter((point) => question.followUps.some((followUp) => followUp.probes === point.id)).map((point) => point.weight));
    expect(question.rubric.find((point) => point.id === probing.get(session.current!.followUps![0]!))!.weight).toBe(heaviest);
  });

  it('limits one question’s answer across its phases, with a clear message', async () => {
    const used = 5_000 - session.current!.charsLeft;
    const before = await rowCounts();
    const response = await submit(session, 'deep-dive', 'z'.repeat(session.current!.charsLeft + 10 - 2), learner);
    expect(response.status).toBe(400);
    expect((await json(response)).error).toMatch(/at most 5,000 characters/);
    expect(used).toBeGreaterThan(0);
    expect(await rowCounts()).toEqual(before);
  });

  it('scores the question when its trade-offs are in, and moves to the next question', async () => {
    const first = bank.questionsById.get(session.current!.question.id)!;
    session = await json<MockSessionView>(await submit(session, 'deep-dive', first.modelAnswer, learner));
    session = await json<MockSessionView>(await submit(session, 'trade-offs', 'It costs some flexibility.', learner));
    expect(session).toMatchObject({ position: 1, phase: 'clarify', status: 'active' });
    const attempt = await independent.drillAttempt.findFirstOrThrow({ where: { mockSessionId: session.id, questionId: first.id } });
    expect(attempt.score).toBe(1);
  });

  it('shows an abandoned session as such; resuming restarts the phase’s clock', async () => {
    await moveClockBack(session.id, 15 + PHASE_GRACE_MS / 1000 + 5);
    const abandoned = await json<MockSessionView>(await view(session.id, learner));
    expect(abandoned.abandoned).toBe(true);
    const resumed = await json<MockSessionView>(await act(session.id, { action: 'resume', requestId: newRequestId() }, learner));
    expect(resumed.abandoned).toBe(false);
    expect(new Date(resumed.deadline).getTime() - Date.now()).toBeGreaterThan(10_000);
  });

  it('finishes after the last question, with a summary per question and per topic, kept in history', async () => {
    for (const phase of MOCK_PHASE_IDS) session = await json<MockSessionView>(await submit(session, phase, '', learner));
    expect(session.status).toBe('completed');
    expect(session.current).toBeNull();
    const summary = await fetchMockSummary(learner, session.id);
    expect(summary.questions).toHaveLength(2);
    expect(summary.questions[0]!.score).toBe(1);
    expect(summary.questions[1]!.score).toBe(0);
    expect(summary.questions[1]!.phases.map((phase) => phase.phase)).toEqual([...MOCK_PHASE_IDS]);
    expect(summary.questions[0]!.modelAnswer.length).toBeGreaterThan(0);
    const possible = summary.questions.reduce((sum, question) => sum + question.possible, 0);
    expect(summary.topics.reduce((sum, topic) => sum + topic.possible, 0)).toBe(possible);
    expect(summary.score).toBeCloseTo(summary.questions[0]!.possible / possible);
    expect((await fetchMockHistory(learner)).map((item) => item.id)).toEqual([session.id]);
    // The missed points of the empty answer became review cards.
    expect(await independent.reviewCard.count({ where: { learnerId: learner, sourceKey: { startsWith: `rubric:${summary.questions[1]!.questionId}:` } } })).toBe(summary.questions[1]!.points.length);
  });

  it('refuses to act on a finished session', async () => {
    const response = await act(session.id, { action: 'discard', requestId: newRequestId() }, learner);
    expect(response.status).toBe(409);
  });

  it('discards an abandoned session: it leaves no history and a new one can start', async () => {
    const started = await json<MockSessionView>(await start({ requestId: newRequestId(), questionCount: 1, phaseSeconds: SHORT, module: 'sessions' }, learner));
    expect(bank.moduleOf.get(started.current!.question.id)).toBe('sessions');
    const discarded = await json<MockSessionView>(await act(started.id, { action: 'discard', requestId: newRequestId() }, learner));
    expect(discarded.status).toBe('discarded');
    expect((await fetchMockHistory(learner)).map((item) => item.id)).toEqual([session.id]);
    const { active } = await json<{ active: MockSessionView | null }>(await mockRoute.GET(drillRequest('GET', '/api/drills/mock', undefined, { cookie: learner })));
    expect(active).toBeNull();
  });
});

describe('another learner', () => {
  it('cannot read, submit to, resume or discard someone’s session', async () => {
    const other = learnerCookie(await start({ requestId: newRequestId(), questionCount: 1, phaseSeconds: SHORT }));
    const before = await rowCounts();
    expect((await view(session.id, other)).status).toBe(404);
    expect((await view(session.id)).status).toBe(404);
    expect((await act(session.id, { action: 'discard', requestId: newRequestId() }, other)).status).toBe(404);
    expect((await act(session.id, { action: 'submit', requestId: newRequestId(), position: 0, phase: 'clarify', text: 'x' }, other)).status).toBe(404);
    await expect(fetchMockSummary(other, session.id)).rejects.toThrow(/no mock interview/);
    expect(await rowCounts()).toEqual(before);
  });
});

describe('bad input writes nothing', () => {
  const valid = () => ({ requestId: newRequestId(), questionCount: 1, phaseSeconds: SHORT });
  const cases: [string, () => Promise<Response>, number, RegExp][] = [
    ['a phase shorter than 15 seconds', () => start({ ...valid(), phaseSeconds: [5, 20, 20, 15] }), 400, /phaseSeconds/],
    ['three phase lengths', () => start({ ...valid(), phaseSeconds: [15, 20, 20] }), 400, /phaseSeconds/],
    ['ten questions', () => start({ ...valid(), questionCount: 10 }), 400, /questionCount/],
    ['an unknown module', () => start({ ...valid(), module: 'cooking' }), 400, /no course module "cooking"/],
    ['an unknown action', () => act(session.id, { action: 'pause', requestId: newRequestId() }, learner), 400, /action/],
    ['an unknown phase', () => act(session.id, { action: 'submit', requestId: newRequestId(), position: 0, phase: 'small-talk', text: '' }, learner), 400, /phase/],
    ['an over-long phase answer', () => act(session.id, { action: 'submit', requestId: newRequestId(), position: 0, phase: 'clarify', text: 'x'.repeat(5_001) }, learner), 400, /at most 5,000/],
    ['an unknown session', () => act('no-such-session', { action: 'resume', requestId: newRequestId() }, learner), 404, /no mock interview/],
  ];

  it.each(cases)('refuses %s with a clear message', async (_name, run, status, message) => {
    const before = await rowCounts();
    const response = await run();
    expect(response.status).toBe(status);
    expect((await json(response)).error).toMatch(message);
    expect(await rowCounts()).toEqual(before);
  });
});
