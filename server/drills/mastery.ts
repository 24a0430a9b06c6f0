import 'server-only';
import { evidenceFromAnswer, evidenceFromQuizAnswer, latestPerQuestion, masteryByTopic, type TopicEvidence, type TopicMastery } from '@/lib/drills/mastery';
import { db } from '../db/db';
import { getDrillContext } from './bank';

/**
 * Mastery of every lesson for a learner: the latest answer to each drill question (practice or
 * mock), point by point (a missed point the learner disputed and confirmed counts as covered),
 * plus every lesson quiz answer. An unknown learner has mastered nothing.
 */
export async function fetchMastery(learnerId: string | undefined): Promise<Map<string, TopicMastery>> {
  const context = await getDrillContext();
  const topics = context.course.lessons.map((lesson) => lesson.id);
  if (!learnerId) return masteryByTopic(topics, []);
  const [attempts, quizAnswers] = await Promise.all([
    db.drillAttempt.findMany({ where: { learnerId }, select: { questionId: true, covered: true, createdAt: true, disputes: { where: { confirmed: true }, select: { pointId: true } } } }),
    db.quizAnswer.findMany({ where: { learnerId }, select: { lessonId: true, correct: true } }),
  ]);
  const evidence: TopicEvidence[] = [];
  for (const attempt of latestPerQuestion(attempts)) {
    const question = context.bank.questionsById.get(attempt.questionId);
    if (question) evidence.push(...evidenceFromAnswer(question, [...(JSON.parse(attempt.covered) as string[]), ...attempt.disputes.map((dispute) => dispute.pointId)]));
  }
  for (const answer of quizAnswers) evidence.push(evidenceFromQuizAnswer(answer.lessonId, answer.correct));
  return masteryByTopic(topics, evidence);
}
