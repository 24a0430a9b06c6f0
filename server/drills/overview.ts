import 'server-only';
import { dayKey } from '@/lib/drills/calendar';
import { selectPracticeQuestions, type PracticeFilter } from '@/lib/drills/pick-question';
import { streakOf } from '@/lib/drills/streak';
import type { DrillOverview, PracticeListItem, TopicMasteryView } from '@/lib/drills/view';
import { db } from '../db/db';
import { getDrillContext, topicRef } from './bank';
import { fetchMastery } from './mastery';
import { learnerTimeZone } from './writes';
import { fetchMockHistory } from './mock-history';
import { fetchActiveMockSession } from './mock-sessions';
import { fetchReviewQueue } from '../learners/review-cards';

/** Drill events that count as a day of practice, with lesson quiz answers. */
const PRACTICE_KINDS = ['attempt', 'mock-submit', 'review'];
const STREAK_WINDOW_DAYS = 400;

async function practiceDays(learnerId: string, now: Date): Promise<{ days: string[]; today: string }> {
  const since = new Date(now.getTime() - STREAK_WINDOW_DAYS * 86_400_000);
  const [timeZone, events, quiz] = await Promise.all([
    learnerTimeZone(learnerId),
    db.drillEvent.findMany({ where: { learnerId, kind: { in: PRACTICE_KINDS }, createdAt: { gte: since } }, select: { createdAt: true } }),
    db.progressEvent.findMany({ where: { learnerId, kind: 'answer', createdAt: { gte: since } }, select: { createdAt: true } }),
  ]);
  return { days: [...events, ...quiz].map((event) => dayKey(event.createdAt, timeZone)), today: dayKey(now, timeZone) };
}

export async function fetchTopicMastery(learnerId: string | undefined): Promise<TopicMasteryView[]> {
  const [context, mastery] = await Promise.all([getDrillContext(), fetchMastery(learnerId)]);
  const questionCount = new Map<string, number>();
  for (const question of context.bank.questions) for (const topic of question.topics) questionCount.set(topic, (questionCount.get(topic) ?? 0) + 1);
  const views = context.course.lessons.map((lesson): TopicMasteryView => {
    const topic = mastery.get(lesson.id)!;
    return {
      topic: topicRef(context, lesson.id),
      moduleTitle: lesson.moduleTitle,
      mastery: topic.mastery,
      level: topic.level,
      questionsAnswered: topic.questionsAnswered,
      quizAnswers: topic.quizAnswers,
      questionCount: questionCount.get(lesson.id) ?? 0,
    };
  });
  const tried = views.filter((view) => view.level !== 'not-started').sort((a, b) => a.mastery - b.mastery);
  return [...tried, ...views.filter((view) => view.level === 'not-started')];
}

/** Everything the drills overview shows, for one learner. */
export async function fetchDrillOverview(learnerId: string | undefined, now: Date = new Date()): Promise<DrillOverview> {
  const [topics, reviews, history, activeMock, answers, days] = await Promise.all([
    fetchTopicMastery(learnerId),
    fetchReviewQueue(learnerId, now),
    fetchMockHistory(learnerId, 5),
    fetchActiveMockSession(learnerId, now),
    learnerId ? db.drillAttempt.count({ where: { learnerId } }) : 0,
    learnerId ? practiceDays(learnerId, now) : { days: [], today: dayKey(now, 'UTC') },
  ]);
  const streak = streakOf(days.days, days.today);
  const started = answers > 0 || reviews.totalCards > 0 || topics.some((topic) => topic.level !== 'not-started') || activeMock !== null;
  return { started, streak, reviews, topics, answers, history, activeMock };
}

/** The questions a practice filter selects, with the learner's latest score on each. */
export async function fetchPracticeList(learnerId: string | undefined, filter: PracticeFilter): Promise<PracticeListItem[]> {
  const [context, mastery, attempts] = await Promise.all([
    getDrillContext(),
    fetchMastery(learnerId),
    learnerId ? db.drillAttempt.findMany({ where: { learnerId }, select: { questionId: true, score: true, createdAt: true }, orderBy: { createdAt: 'asc' } }) : [],
  ]);
  const lastScore = new Map(attempts.map((attempt) => [attempt.questionId, attempt.score]));
  return selectPracticeQuestions(context.bank.questions, filter, mastery, new Set(lastScore.keys())).map((question) => ({
    id: question.id,
    prompt: question.prompt,
    kind: question.kind,
    difficulty: question.difficulty,
    topics: question.topics.map((topic) => topicRef(context, topic)),
    lastScore: lastScore.get(question.id) ?? null,
  }));
}
