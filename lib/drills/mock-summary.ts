import type { TopicEvidence } from './mastery';

export interface TopicTotal {
  topic: string;
  earned: number;
  possible: number;
}

/** Rubric weight earned and possible per topic, topics in the order they first appear. */
export function totalsByTopic(evidence: readonly TopicEvidence[]): TopicTotal[] {
  const totals = new Map<string, TopicTotal>();
  for (const item of evidence) {
    const total = totals.get(item.topic) ?? { topic: item.topic, earned: 0, possible: 0 };
    total.possible += item.weight;
    if (item.earned) total.earned += item.weight;
    totals.set(item.topic, total);
  }
  return [...totals.values()];
}

/**
 * A session's score: each question's (possibly capped) score weighted by its rubric size, so a
 * keyword-list answer stays capped in the total and a bigger question counts for more.
 */
export function sessionScore(questions: readonly { score: number; possible: number }[]): number {
  const possible = questions.reduce((sum, question) => sum + question.possible, 0);
  return possible === 0 ? 0 : questions.reduce((sum, question) => sum + question.score * question.possible, 0) / possible;
}
