import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Prisma } from '@prisma/client';
import type { MockActionRequest, MockStartRequest } from '@/lib/drills/contract';
import { chooseFollowUps } from '@/lib/drills/follow-ups';
import { MOCK_PHASE_IDS, isAbandoned, joinPhaseAnswers, phaseDeadline, phaseIndex } from '@/lib/drills/mock-phases';
import { chooseMockQuestions } from '@/lib/drills/pick-question';
import { MAX_ANSWER_CHARS } from '@/lib/drills/limits';
import { scoreAnswer } from '@/lib/drills/score';
import type { MockPhaseId, MockSessionView, MockStatus } from '@/lib/drills/view';
import type { Random } from '@/lib/random/seeded';
import { db } from '../db/db';
import { storeAttempt } from './attempts';
import { getDrillContext, questionOr404, questionView, type DrillContext } from './bank';
import { ApiError, notFound } from '../http/api-error';
import { applyDrillWrite } from './writes';
import type { WritingLearner } from '../learners/identity';
import { fetchMastery } from './mastery';

const withQuestions = { questions: { orderBy: { position: 'asc' }, include: { answers: true } } } satisfies Prisma.MockSessionInclude;
export type StoredSession = Prisma.MockSessionGetPayload<{ include: typeof withQuestions }>;

export function phaseSecondsOf(session: { phaseSeconds: string }): number[] {
  return JSON.parse(session.phaseSeconds) as number[];
}

function answersAt(session: StoredSession, position: number): Partial<Record<MockPhaseId, string>> {
  const question = session.questions.find((candidate) => candidate.position === position);
  return Object.fromEntries((question?.answers ?? []).map((answer) => [MOCK_PHASE_IDS[answer.phase]!, answer.text]));
}

/** A session as the runner shows it, with the server's clock. */
export function sessionView(context: DrillContext, session: StoredSession, now: Date): MockSessionView {
  const phaseSeconds = phaseSecondsOf(session);
  const deadline = phaseDeadline(session.phaseStartedAt, phaseSeconds[session.phase]!);
  const stored = session.status === 'active' ? session.questions.find((question) => question.position === session.position) : undefined;
  const answers = answersAt(session, session.position);
  return {
    id: session.id,
    status: session.status as MockStatus,
    startedAt: session.startedAt.toISOString(),
    now: now.toISOString(),
    phaseSeconds,
    questionCount: session.questions.length,
    position: session.position,
    phase: MOCK_PHASE_IDS[session.phase]!,
    phaseStartedAt: session.phaseStartedAt.toISOString(),
    deadline: deadline.toISOString(),
    abandoned: session.status === 'active' && isAbandoned(deadline, now),
    current: stored
      ? {
          question: questionView(context, questionOr404(context, stored.questionId)),
          followUps: stored.followUps ? (JSON.parse(stored.followUps) as string[]) : null,
          answers,
          charsLeft: Math.max(0, MAX_ANSWER_CHARS - joinPhaseAnswers(answers).length),
        }
      : null,
  };
}

async function loadSession(learnerId: string | undefined, sessionId: string): Promise<StoredSession | null> {
  if (!learnerId) return null;
  return db.mockSession.findFirst({ where: { id: sessionId, learnerId }, include: withQuestions });
}

/** The learner's unfinished mock interview, if any: there is at most one. */
export async function fetchActiveMockSession(learnerId: string | undefined, now: Date = new Date()): Promise<MockSessionView | null> {
  if (!learnerId) return null;
  const session = await db.mockSession.findFirst({ where: { learnerId, status: 'active' }, include: withQuestions });
  return session ? sessionView(await getDrillContext(), session, now) : null;
}

export async function fetchMockSession(learnerId: string | undefined, sessionId: string, now: Date = new Date()): Promise<MockSessionView> {
  const session = await loadSession(learnerId, sessionId);
  if (!session) throw notFound('mock interview');
  return sessionView(await getDrillContext(), session, now);
}

/** Starts a mock interview on questions chosen for the learner's weak spots. One may be active at a time. */
export async function startMockSession(learner: WritingLearner, request: MockStartRequest, now: Date = new Date(), random: Random = Math.random): Promise<MockSessionView> {
  const context = await getDrillContext();
  if (request.module && !context.course.modules.some((courseModule) => courseModule.id === request.module)) {
    throw new ApiError(400, `There is no course module "${request.module}".`);
  }
  const candidates = context.bank.questions.filter((question) => !request.module || context.bank.moduleOf.get(question.id) === request.module);
  const mastery = learner.isNew ? new Map() : await fetchMastery(learner.id);
  const questions = chooseMockQuestions(candidates, request.questionCount, mastery, random);
  const sessionId = randomUUID();
  const result = await applyDrillWrite(learner, { kind: 'mock-start', subjectId: sessionId, payload: { questions: questions.map((q) => q.id) }, requestId: request.requestId }, async (tx) => {
    const active = await tx.mockSession.findFirst({ where: { learnerId: learner.id, status: 'active' }, select: { id: true } });
    if (active) throw new ApiError(409, 'You already have a mock interview in progress: resume it or discard it first.', { sessionId: active.id });
    await tx.mockSession.create({
      data: {
        id: sessionId,
        learnerId: learner.id,
        status: 'active',
        phaseSeconds: JSON.stringify(request.phaseSeconds),
        phaseStartedAt: now,
        startedAt: now,
        questions: { create: questions.map((question, position) => ({ position, questionId: question.id })) },
      },
    });
  });
  return fetchMockSession(learner.id, result.duplicate ? result.subjectId : sessionId, now);
}

/**
 * Submits a phase, resumes or discards a session. A submit must name the phase the server is in
 * (a stale tab gets a 409 with the current state). The high-level answer picks the follow-ups;
 * the trade-offs answer closes the question: it is scored and its missed points become cards.
 */
export async function actOnMockSession(learner: WritingLearner, sessionId: string, request: MockActionRequest, now: Date = new Date()): Promise<MockSessionView> {
  const context = await getDrillContext();
  const session = learner.isNew ? null : await loadSession(learner.id, sessionId);
  if (!session) throw notFound('mock interview');
  const conflict = (message: string) => new ApiError(409, message, { session: sessionView(context, session, now) });
  const event = { kind: `mock-${request.action}`, subjectId: session.id, payload: {}, requestId: request.requestId };

  if (request.action === 'discard' || request.action === 'resume') {
    await applyDrillWrite(learner, event, async (tx) => {
      if (session.status !== 'active') throw conflict('This mock interview is already over.');
      const deadline = phaseDeadline(session.phaseStartedAt, phaseSecondsOf(session)[session.phase]!);
      const data = request.action === 'discard' ? { status: 'discarded', endedAt: now } : isAbandoned(deadline, now) ? { phaseStartedAt: now } : {};
      await tx.mockSession.update({ where: { id: session.id }, data });
    });
    return fetchMockSession(learner.id, session.id, now);
  }

  const phase = phaseIndex(request.phase as MockPhaseId);
  const stored = session.questions.find((question) => question.position === request.position);
  const answers = { ...answersAt(session, request.position), [request.phase]: request.text };
  const fullAnswer = joinPhaseAnswers(answers);
  if (fullAnswer.length > MAX_ANSWER_CHARS) {
    throw new ApiError(400, `All phases of one question together may hold at most ${MAX_ANSWER_CHARS.toLocaleString('en-US')} characters; with this one they would hold ${fullAnswer.length.toLocaleString('en-US')}.`);
  }
  await applyDrillWrite(learner, { ...event, payload: { position: request.position, phase: request.phase, chars: request.text.length } }, async (tx) => {
    if (session.status !== 'active') throw conflict('This mock interview is already over.');
    if (!stored || session.position !== request.position || session.phase !== phase) throw conflict('That phase is already over; here is where the interview is now.');
    const last = phase === MOCK_PHASE_IDS.length - 1;
    const finished = last && request.position === session.questions.length - 1;
    const next = last ? { position: request.position + 1, phase: 0 } : { position: request.position, phase: phase + 1 };
    // Conditional on the phase this submit was for: a double submit cannot advance twice.
    const moved = await tx.mockSession.updateMany({
      where: { id: session.id, status: 'active', position: session.position, phase: session.phase },
      data: finished ? { status: 'completed', endedAt: now } : { ...next, phaseStartedAt: now },
    });
    if (moved.count !== 1) throw conflict('That phase was just submitted from somewhere else.');
    const seconds = Math.max(0, Math.round((now.getTime() - session.phaseStartedAt.getTime()) / 1000));
    await tx.mockPhaseAnswer.create({ data: { sessionId: session.id, position: request.position, phase, text: request.text, seconds, submittedAt: now } });
    const question = questionOr404(context, stored.questionId);
    if (request.phase === 'high-level') {
      const covered = scoreAnswer(fullAnswer, question).points.filter((point) => point.covered).map((point) => point.id);
      const followUps = chooseFollowUps(question, covered).map((followUp) => followUp.prompt);
      await tx.mockQuestion.update({ where: { sessionId_position: { sessionId: session.id, position: request.position } }, data: { followUps: JSON.stringify(followUps) } });
    }
    if (last) await storeAttempt(tx, learner.id, question, fullAnswer, { mockSessionId: session.id, now });
  });
  return fetchMockSession(learner.id, session.id, now);
}
