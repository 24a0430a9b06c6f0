import type { Random } from '@/lib/random/seeded';
import { weaknessOf, type TopicMastery } from './mastery';
import type { DrillQuestion } from './question-schema';

export interface PracticeFilter {
  topic?: string;
  difficulty?: number;
  /** Order by the learner's weakness instead of course order. */
  weakest?: boolean;
}

/**
 * How weak the learner is on what a question tests: the weakness of each rubric point's topic,
 * weighted by the point's weight, so a question is judged by the lessons its points come from.
 */
export function questionWeakness(question: DrillQuestion, mastery: ReadonlyMap<string, TopicMastery>): number {
  let total = 0;
  let weight = 0;
  for (const point of question.rubric) {
    total += point.weight * weaknessOf(mastery.get(point.lesson.slug));
    weight += point.weight;
  }
  return weight === 0 ? 0.5 : total / weight;
}

/**
 * The questions a practice filter selects. In course order by default; with `weakest`, weakest
 * first, then unanswered before answered, then easier first.
 */
export function selectPracticeQuestions(
  questions: readonly DrillQuestion[],
  filter: PracticeFilter,
  mastery: ReadonlyMap<string, TopicMastery>,
  answered: ReadonlySet<string>,
): DrillQuestion[] {
  const selected = questions.filter(
    (question) => (!filter.topic || question.topics.includes(filter.topic)) && (!filter.difficulty || question.difficulty === filter.difficulty),
  );
  if (!filter.weakest) return selected;
  const weakness = new Map(selected.map((question) => [question.id, questionWeakness(question, mastery)]));
  return selected
    .map((question, index) => ({ question, index }))
    .sort(
      (a, b) =>
        weakness.get(a.question.id)! - weakness.get(b.question.id)! ||
        Number(answered.has(a.question.id)) - Number(answered.has(b.question.id)) ||
        a.question.difficulty - b.question.difficulty ||
        a.index - b.index,
    )
    .map(({ question }) => question);
}

/** Random spread added to weakness when choosing mock questions, so two sessions are not identical. */
const MOCK_JITTER = 0.2;

/**
 * Questions for a mock interview: weakest first with some randomness, preferring open questions
 * (difficulty 2 and 3) and a different primary lesson for each, as a real interview would.
 */
export function chooseMockQuestions(
  questions: readonly DrillQuestion[],
  count: number,
  mastery: ReadonlyMap<string, TopicMastery>,
  random: Random,
): DrillQuestion[] {
  const ranked = questions
    .map((question) => ({ question, rank: questionWeakness(question, mastery) + random() * MOCK_JITTER + (question.difficulty === 1 ? 0.25 : 0) }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ question }) => question);
  const chosen: DrillQuestion[] = [];
  const primaryTopics = new Set<string>();
  for (const question of ranked) {
    if (chosen.length === count) break;
    if (primaryTopics.has(question.topics[0]!)) continue;
    chosen.push(question);
    primaryTopics.add(question.topics[0]!);
  }
  for (const question of ranked) {
    if (chosen.length === count) break;
    if (!chosen.includes(question)) chosen.push(question);
  }
  return chosen;
}
