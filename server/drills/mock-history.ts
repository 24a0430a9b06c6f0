import 'server-only';
import { evidenceFromAnswer } from '@/lib/drills/mastery';
import { MOCK_PHASE_IDS, isOvertime } from '@/lib/drills/mock-phases';
import { sessionScore, totalsByTopic } from '@/lib/drills/mock-summary';
import { storedScore } from '@/lib/drills/stored-score';
import type { MockHistoryItem, MockQuestionResult, MockStatus, MockSummaryView } from '@/lib/drills/view';
import { db } from '../db/db';
import { getDrillContext, questionOr404, scoreView, topicRef } from './bank';
import { ApiError, notFound } from '../http/api-error';
import { phaseSecondsOf } from './mock-sessions';

/** The scored summary of a finished mock interview: per question, per phase, and per topic. */
export async function fetchMockSummary(learnerId: string | undefined, sessionId: string): Promise<MockSummaryView> {
  const session = learnerId
    ? await db.mockSession.findFirst({
        where: { id: sessionId, learnerId },
        include: { questions: { orderBy: { position: 'asc' }, include: { answers: { orderBy: { phase: 'asc' } } } }, attempts: true },
      })
    : null;
  if (!session) throw notFound('mock interview');
  if (session.status !== 'completed') throw new ApiError(409, 'This mock interview has no summary: it was not finished.', { status: session.status });
  const context = await getDrillContext();
  const limits = phaseSecondsOf(session);
  const attempts = new Map(session.attempts.map((attempt) => [attempt.questionId, attempt]));
  const questions: MockQuestionResult[] = [];
  const evidence = [];
  for (const stored of session.questions) {
    const attempt = attempts.get(stored.questionId);
    if (!attempt) continue;
    const question = questionOr404(context, stored.questionId);
    evidence.push(...evidenceFromAnswer(question, JSON.parse(attempt.covered) as string[]));
    questions.push({
      position: stored.position,
      questionId: question.id,
      prompt: question.prompt,
      ...scoreView(context, question, storedScore(attempt, question), { scoredAgainst: attempt.rubricVersion }),
      followUps: stored.followUps ? (JSON.parse(stored.followUps) as string[]) : [],
      phases: stored.answers.map((answer) => ({
        phase: MOCK_PHASE_IDS[answer.phase]!,
        seconds: answer.seconds,
        limit: limits[answer.phase]!,
        overtime: isOvertime(answer.seconds, limits[answer.phase]!),
      })),
      modelAnswer: question.modelAnswer,
    });
  }
  return {
    id: session.id,
    status: session.status as MockStatus,
    startedAt: session.startedAt.toISOString(),
    endedAt: session.endedAt?.toISOString() ?? null,
    score: sessionScore(questions),
    questions,
    topics: totalsByTopic(evidence).map((total) => ({ topic: topicRef(context, total.topic), earned: total.earned, possible: total.possible })),
  };
}

/** The learner's finished mock interviews, newest first. */
export async function fetchMockHistory(learnerId: string | undefined, limit = 20): Promise<MockHistoryItem[]> {
  if (!learnerId) return [];
  const sessions = await db.mockSession.findMany({
    where: { learnerId, status: 'completed' },
    orderBy: { endedAt: 'desc' },
    take: limit,
    include: { attempts: { select: { score: true, possible: true } }, _count: { select: { questions: true } } },
  });
  return sessions.map((session) => ({
    id: session.id,
    startedAt: session.startedAt.toISOString(),
    endedAt: (session.endedAt ?? session.startedAt).toISOString(),
    questionCount: session._count.questions,
    score: sessionScore(session.attempts),
  }));
}
