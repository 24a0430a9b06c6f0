import { describe, expect, it } from 'vitest';
import { describeSummary, isEmptySummary, planGuestMerge, summarizeRows } from '@/lib/account/guest-merge';
import type { LearnerRows } from '@/lib/account/learner-rows';
import { learnerRows } from './fixtures';

const ACCOUNT = 'b'.repeat(32);
const GUEST = 'c'.repeat(32);
const minute = (n: number) => new Date(Date.UTC(2026, 10, 28, 9, n));

/** A learner with nothing. */
function empty(): LearnerRows {
  const rows = learnerRows(ACCOUNT);
  return { ...rows, learner: { timeZone: null }, lessonProgress: [], quizAnswers: [], progressEvents: [], drillEvents: [], mockSessions: [], mockQuestions: [], mockPhaseAnswers: [], drillAttempts: [], reviewCards: [], reviewLogs: [], submissions: [], exerciseDrafts: [] };
}

describe('planning a guest merge', () => {
  it('moves everything into an account that has nothing, and says so', () => {
    const guest = learnerRows(GUEST);
    const plan = planGuestMerge(empty(), guest);
    expect(plan.lessonProgress).toEqual(guest.lessonProgress);
    expect(plan.quizAnswers).toEqual(guest.quizAnswers);
    expect(plan.exerciseDrafts).toEqual(guest.exerciseDrafts);
    expect(plan.reviewCardIds).toEqual(['card-question', 'card-rubric']);
    expect(plan.replacedCardIds).toEqual([]);
    expect(plan.duplicateProgressEventIds).toEqual([]);
    expect(plan.duplicateDrillEventIds).toEqual([]);
    expect(plan.discardedSessionIds).toEqual([]);
    expect(plan.timeZone).toBe('Europe/Paris');
    expect(plan.moved).toEqual(summarizeRows(guest));
    expect(plan.moved).toEqual({ lessonsCompleted: 1, quizAnswers: 2, drillAttempts: 2, mockInterviews: 1, reviewCards: 2, submissions: 1, drafts: 1 });
  });

  it('never takes progress away: a completed lesson or a right answer stays; otherwise the copy changed last wins, the account’s on a tie', () => {
    const account = empty();
    const guest = empty();
    account.learner.timeZone = 'Asia/Tokyo';
    guest.learner.timeZone = 'Europe/Paris';
    // round-robin: the guest reopened it after the account completed it, and the completion stays.
    // ip-hash: both completed, the account's later. least-connections: only the guest completed it.
    account.lessonProgress = [
      { learnerId: ACCOUNT, lessonId: 'round-robin', completedAt: minute(1), updatedAt: minute(1) },
      { learnerId: ACCOUNT, lessonId: 'ip-hash', completedAt: minute(5), updatedAt: minute(5) },
      { learnerId: ACCOUNT, lessonId: 'least-connections', completedAt: null, updatedAt: minute(3) },
    ];
    guest.lessonProgress = [
      { learnerId: GUEST, lessonId: 'round-robin', completedAt: null, updatedAt: minute(2) },
      { learnerId: GUEST, lessonId: 'ip-hash', completedAt: minute(4), updatedAt: minute(4) },
      { learnerId: GUEST, lessonId: 'least-connections', completedAt: minute(3), updatedAt: minute(3) },
      { learnerId: GUEST, lessonId: 'health-checks', completedAt: minute(6), updatedAt: minute(6) },
    ];
    // q1: the guest got it right. q2: the guest got wrong what the account had right. q3: both wrong, the guest's later.
    account.quizAnswers = [
      { learnerId: ACCOUNT, lessonId: 'ip-hash', questionId: 'q1', answer: '1', correct: false, answeredAt: minute(3) },
      { learnerId: ACCOUNT, lessonId: 'ip-hash', questionId: 'q2', answer: '0', correct: true, answeredAt: minute(1) },
      { learnerId: ACCOUNT, lessonId: 'ip-hash', questionId: 'q3', answer: '0', correct: false, answeredAt: minute(1) },
    ];
    guest.quizAnswers = [
      { learnerId: GUEST, lessonId: 'ip-hash', questionId: 'q1', answer: '2', correct: true, answeredAt: minute(2) },
      { learnerId: GUEST, lessonId: 'ip-hash', questionId: 'q2', answer: '1', correct: false, answeredAt: minute(2) },
      { learnerId: GUEST, lessonId: 'ip-hash', questionId: 'q3', answer: '1', correct: false, answeredAt: minute(2) },
    ];
    account.exerciseDrafts = [{ learnerId: ACCOUNT, exerciseId: 'round-robin', code: 'newer', updatedAt: minute(9) }];
    guest.exerciseDrafts = [{ learnerId: GUEST, exerciseId: 'round-robin', code: 'older', updatedAt: minute(8) }];
    const card = learnerRows(ACCOUNT).reviewCards[0]!;
    account.reviewCards = [
      { ...card, id: 'account-reviewed', sourceKey: 'question:a', lastReview: minute(1) },
      { ...card, id: 'account-never', sourceKey: 'question:b', lastReview: null },
      { ...card, id: 'account-newer', sourceKey: 'question:c', lastReview: minute(7) },
    ];
    guest.reviewCards = [
      { ...card, id: 'guest-later', learnerId: GUEST, sourceKey: 'question:a', lastReview: minute(2) },
      { ...card, id: 'guest-reviewed', learnerId: GUEST, sourceKey: 'question:b', lastReview: minute(1) },
      { ...card, id: 'guest-older', learnerId: GUEST, sourceKey: 'question:c', lastReview: minute(6) },
      { ...card, id: 'guest-never', learnerId: GUEST, sourceKey: 'question:d', lastReview: null },
    ];

    const plan = planGuestMerge(account, guest);
    expect(plan.lessonProgress.map((row) => row.lessonId)).toEqual(['least-connections', 'health-checks']);
    expect(plan.quizAnswers.map((row) => row.questionId)).toEqual(['q1', 'q3']);
    expect(plan.exerciseDrafts).toEqual([]);
    expect(plan.reviewCardIds).toEqual(['guest-later', 'guest-reviewed', 'guest-never']);
    expect(plan.replacedCardIds).toEqual(['account-reviewed', 'account-never']);
    expect(plan.timeZone).toBe('Asia/Tokyo');
    expect(plan.moved).toMatchObject({ lessonsCompleted: 2, quizAnswers: 2, reviewCards: 3, drafts: 0 });

    // A later completion of a lesson the account had completed replaces it, but adds no lesson.
    guest.lessonProgress = [{ learnerId: GUEST, lessonId: 'ip-hash', completedAt: minute(8), updatedAt: minute(8) }];
    const retick = planGuestMerge(account, guest);
    expect(retick.lessonProgress.map((row) => row.lessonId)).toEqual(['ip-hash']);
    expect(retick.moved.lessonsCompleted).toBe(0);
  });

  it('leaves behind only an event whose requestId the account already wrote', () => {
    const account = empty();
    const guest = learnerRows(GUEST);
    account.progressEvents = [{ ...guest.progressEvents[0]!, id: 'account-event', learnerId: ACCOUNT }];
    account.drillEvents = [{ ...guest.drillEvents[2]!, id: 'account-drill-event', learnerId: ACCOUNT }];
    const plan = planGuestMerge(account, guest);
    expect(plan.duplicateProgressEventIds).toEqual([guest.progressEvents[0]!.id]);
    expect(plan.duplicateDrillEventIds).toEqual([guest.drillEvents[2]!.id]);
  });

  it('discards the guest’s running interview only when the account is running one too', () => {
    const guest = learnerRows(GUEST);
    guest.mockSessions = [{ ...guest.mockSessions[0]!, status: 'active', endedAt: null }];
    expect(planGuestMerge(empty(), guest).discardedSessionIds).toEqual([]);
    const interviewing = empty();
    interviewing.mockSessions = [{ ...guest.mockSessions[0]!, id: 'account-session', learnerId: ACCOUNT }];
    expect(planGuestMerge(interviewing, guest).discardedSessionIds).toEqual(['session-1']);
  });
});

describe('describing guest progress', () => {
  it('names the non-zero counts, singular or plural', () => {
    expect(describeSummary(summarizeRows(learnerRows(GUEST)))).toBe('1 lesson completed, 2 quiz answers, 2 drill answers, 1 mock interview, 2 review cards, 1 exercise submission, 1 exercise draft');
    expect(describeSummary({ ...summarizeRows(empty()), lessonsCompleted: 3 })).toBe('3 lessons completed');
  });

  it('calls a guest with nothing empty, and one with only an unfinished lesson not', () => {
    expect(isEmptySummary(summarizeRows(empty()))).toBe(true);
    expect(describeSummary(summarizeRows(empty()))).toBe('nothing new');
    const opened = empty();
    opened.quizAnswers = learnerRows(GUEST).quizAnswers.slice(0, 1);
    expect(isEmptySummary(summarizeRows(opened))).toBe(false);
  });
});
