import type { DrillQuestion } from './question-schema';
import type { MasteryLevel } from './view';

/** One thing a learner showed about a topic: a rubric point of an answer, or a lesson quiz answer. */
export interface TopicEvidence {
  topic: string;
  /** Rubric weight (1–3), or QUIZ_ANSWER_WEIGHT for a quiz answer. */
  weight: number;
  earned: boolean;
  /** The drill question it came from; absent for quiz answers. */
  questionId?: string;
}

export interface TopicMastery {
  topic: string;
  earned: number;
  possible: number;
  mastery: number;
  level: MasteryLevel;
  questionsAnswered: number;
  quizAnswers: number;
}

/** A quiz answer counts like a supporting rubric point: a multiple-choice recall is weaker evidence than a spoken answer. */
export const QUIZ_ANSWER_WEIGHT = 1;

/**
 * Weight of imaginary missed evidence every topic starts with. Mastery is earned / (possible + prior),
 * so one lucky answer is not mastery: a full-marks answer worth 12 points reads 75%, two read 86%.
 */
export const MASTERY_PRIOR_WEIGHT = 4;

/** A topic is weak while under half its evidence was earned, and strong once mastery reaches 0.75. */
export const MASTERY_BANDS = { weakAccuracy: 0.5, strong: 0.75 } as const;

/** How well a topic is known, 0..1, from the weight of evidence earned and possible. */
export function masteryOf(earned: number, possible: number): number {
  return possible === 0 ? 0 : earned / (possible + MASTERY_PRIOR_WEIGHT);
}

/**
 * The band a topic is in. "Weak" looks at accuracy (most evidence missed), "strong" at mastery
 * (enough evidence, mostly earned), so one right quiz answer reads "learning", not "weak".
 */
export function masteryLevel(earned: number, possible: number): MasteryLevel {
  if (possible === 0) return 'not-started';
  if (earned / possible < MASTERY_BANDS.weakAccuracy) return 'weak';
  return masteryOf(earned, possible) < MASTERY_BANDS.strong ? 'learning' : 'strong';
}

/** Evidence from one scored answer: each rubric point counts toward the lesson that teaches it. */
export function evidenceFromAnswer(question: DrillQuestion, coveredPointIds: readonly string[]): TopicEvidence[] {
  const covered = new Set(coveredPointIds);
  return question.rubric.map((point) => ({ topic: point.lesson.slug, weight: point.weight, earned: covered.has(point.id), questionId: question.id }));
}

export function evidenceFromQuizAnswer(lessonId: string, correct: boolean): TopicEvidence {
  return { topic: lessonId, weight: QUIZ_ANSWER_WEIGHT, earned: correct };
}

/** Mastery of every listed topic (in the order given), from all the evidence; topics with none are "not started". */
export function masteryByTopic(topics: readonly string[], evidence: readonly TopicEvidence[]): Map<string, TopicMastery> {
  const totals = new Map(topics.map((topic) => [topic, { earned: 0, possible: 0, questions: new Set<string>(), quizAnswers: 0 }]));
  for (const item of evidence) {
    const total = totals.get(item.topic);
    if (!total) continue;
    total.possible += item.weight;
    if (item.earned) total.earned += item.weight;
    if (item.questionId) total.questions.add(item.questionId);
    else total.quizAnswers += 1;
  }
  return new Map(
    [...totals].map(([topic, total]) => [
      topic,
      {
        topic,
        earned: total.earned,
        possible: total.possible,
        mastery: masteryOf(total.earned, total.possible),
        level: masteryLevel(total.earned, total.possible),
        questionsAnswered: total.questions.size,
        quizAnswers: total.quizAnswers,
      },
    ]),
  );
}

/**
 * How weak a topic looks, for "where am I weakest": the share of evidence earned, pulled toward
 * 0.5 by MASTERY_PRIOR_WEIGHT of neutral evidence. An untried topic sits at 0.5, after a
 * demonstrated weakness and before a demonstrated strength; one right answer ranks above untried.
 */
export function weaknessOf(mastery: TopicMastery | undefined): number {
  if (!mastery) return 0.5;
  return (mastery.earned + MASTERY_PRIOR_WEIGHT / 2) / (mastery.possible + MASTERY_PRIOR_WEIGHT);
}

/** The latest row per question id: a learner's current level is their most recent answer, not their average. */
export function latestPerQuestion<T extends { questionId: string; createdAt: Date }>(rows: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const row of rows) {
    const seen = latest.get(row.questionId);
    if (!seen || row.createdAt > seen.createdAt) latest.set(row.questionId, row);
  }
  return [...latest.values()];
}
