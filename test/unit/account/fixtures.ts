import { EMPTY_CONSOLE, type Verdict } from '@/lib/grading/verdict';
import type { LearnerRows } from '@/lib/account/learner-rows';

export const LEARNER = 'a'.repeat(32);
const at = (minute: number) => new Date(Date.UTC(2026, 10, 27, 9, minute, 0, 123));

export const VERDICT: Verdict = {
  exerciseId: 'round-robin',
  status: 'rejected',
  summary: '1 of 2 tests passed.',
  tests: [
    { name: 'cycles through every server', suite: 'visible', passed: true, durationMs: 1 },
    { name: 'wraps at the end', suite: 'hidden', passed: false, durationMs: 2, failure: 'assertion', message: 'expected b' },
  ],
  counts: { passed: 1, total: 2, visible: { passed: 1, total: 1 }, hidden: { passed: 0, total: 1 } },
  console: EMPTY_CONSOLE,
  durationMs: 12,
  limits: { timeMs: 2000, memoryBytes: 33554432 },
};

const memory = { stability: 2.3065, difficulty: 2.118, elapsedDays: 0, scheduledDays: 2, learningSteps: 0 };

/** One of everything a learner can have, with references between rows, as the database returns it. */
export function learnerRows(learnerId = LEARNER): LearnerRows {
  return {
    learner: { timeZone: 'Europe/Paris' },
    lessonProgress: [
      { learnerId, lessonId: 'round-robin', completedAt: at(1), updatedAt: at(1) },
      { learnerId, lessonId: 'what-is-load-balancing', completedAt: null, updatedAt: at(2) },
    ],
    quizAnswers: [
      { learnerId, lessonId: 'round-robin', questionId: 'rr-order', answer: '2', correct: true, answeredAt: at(3) },
      { learnerId, lessonId: 'round-robin', questionId: 'rr-term', answer: '"weighted"', correct: false, answeredAt: at(4) },
    ],
    progressEvents: [
      { id: 'ckprogress0000000000000001', learnerId, lessonId: 'round-robin', kind: 'complete', payload: '{}', contentVersion: '0123456789abcdef', requestId: 'request-progress-1', createdAt: at(1) },
      { id: 'ckprogress0000000000000002', learnerId, lessonId: 'round-robin', kind: 'answer', payload: '{"questionId":"rr-order","response":2,"correct":true}', contentVersion: '0123456789abcdef', requestId: 'request-progress-2', createdAt: at(3) },
    ],
    drillEvents: [
      { id: 'ckdrill00000000000000000001', learnerId, kind: 'attempt', subjectId: 'attempt-practice', payload: '{"questionId":"round-robin-when-and-why-not"}', requestId: 'request-drill-1', createdAt: at(5) },
      { id: 'ckdrill00000000000000000002', learnerId, kind: 'mock-start', subjectId: 'session-1', payload: '{"questions":["sticky-sessions-tradeoffs"]}', requestId: 'request-drill-2', createdAt: at(6) },
      { id: 'ckdrill00000000000000000003', learnerId, kind: 'review', subjectId: 'card-question', payload: '{"rating":3}', requestId: 'request-drill-3', createdAt: at(9) },
    ],
    mockSessions: [
      { id: 'session-1', learnerId, status: 'completed', phaseSeconds: '[60,120,180,60]', position: 0, phase: 3, phaseStartedAt: at(7), startedAt: at(6), endedAt: at(8) },
    ],
    mockQuestions: [{ sessionId: 'session-1', position: 0, questionId: 'sticky-sessions-tradeoffs', followUps: '["What happens when that server dies?"]' }],
    mockPhaseAnswers: [
      { sessionId: 'session-1', position: 0, phase: 1, text: 'Pin each user to one server with a cookie.', seconds: 40, submittedAt: at(7) },
      { sessionId: 'session-1', position: 0, phase: 0, text: 'How long do sessions last?', seconds: 10, submittedAt: at(6) },
    ],
    drillAttempts: [
      {
        id: 'attempt-practice',
        learnerId,
        questionId: 'round-robin-when-and-why-not',
        mockSessionId: null,
        answer: 'Round robin gives each request to the next server.',
        sections: '{"claim":"Round robin gives each request to the next server."}',
        score: 0.5,
        rawScore: 0.5,
        earned: 2,
        possible: 4,
        covered: '["turns"]',
        breakdown: '{"score":0.5}',
        rubricVersion: '0123abcd',
        selfRating: 3,
        createdAt: at(5),
      },
      {
        id: 'attempt-mock',
        learnerId,
        questionId: 'sticky-sessions-tradeoffs',
        mockSessionId: 'session-1',
        answer: 'How long do sessions last?\n\nPin each user to one server with a cookie.',
        sections: null,
        score: 0.25,
        rawScore: 0.25,
        earned: 1,
        possible: 4,
        covered: '[]',
        breakdown: null,
        rubricVersion: null,
        selfRating: null,
        createdAt: at(8),
      },
    ],
    drillDisputes: [{ attemptId: 'attempt-practice', pointId: 'counts-not-work', questionId: 'round-robin-when-and-why-not', rubricVersion: '0123abcd', confirmed: true, createdAt: at(6), confirmedAt: at(7) }],
    reviewCards: [
      { id: 'card-question', learnerId, sourceKey: 'question:round-robin-when-and-why-not', source: 'question', front: 'When is round robin enough?', back: 'When servers and requests are alike.', topic: 'round-robin', href: '/learn/round-robin', due: at(30), ...memory, reps: 2, lapses: 0, state: 2, lastReview: at(9), createdAt: at(5) },
      { id: 'card-rubric', learnerId, sourceKey: 'rubric:sticky-sessions-tradeoffs:failover', source: 'rubric', front: 'Explain failover.', back: 'The session moves.', topic: null, href: null, due: at(8), ...memory, reps: 0, lapses: 0, state: 0, lastReview: null, createdAt: at(8) },
    ],
    reviewLogs: [
      { id: 'cklog000000000000000000002', cardId: 'card-question', learnerId, rating: 3, state: 1, due: at(6), ...memory, lastElapsedDays: 0, reviewedAt: at(9) },
      { id: 'cklog000000000000000000001', cardId: 'card-question', learnerId, rating: 1, state: 0, due: at(5), ...memory, lastElapsedDays: 0, reviewedAt: at(5) },
    ],
    submissions: [
      { id: 'submission-1', learnerId, exerciseId: 'round-robin', exerciseVersion: 'fedcba9876543210', status: 'rejected', passed: 1, total: 2, code: 'export class RoundRobin {}\n', verdict: JSON.stringify(VERDICT), createdAt: at(10) },
    ],
    exerciseDrafts: [{ learnerId, exerciseId: 'round-robin', code: 'export class RoundRobin { /* café */ }\n', updatedAt: at(11) }],
  };
}
