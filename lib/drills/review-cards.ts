import { z } from 'zod';
import type { QuizQuestion } from '@/lib/content/lesson-schema';
import type { DrillQuestion, LessonRef } from './question-schema';
import { scoreAnswer, type MisconceptionVerdict, type PointVerdict } from './score';

/** Where a card comes from: a missed rubric point, a whole drill question, a failed exercise test, a lesson quiz question answered wrongly, a misconception an answer stated. */
export const CARD_SOURCES = ['rubric', 'question', 'exercise', 'quiz', 'misconception'] as const;

/**
 * A card to add to a learner's deck. `sourceKey` names what it tests, stably ("rubric:<question>:<point>",
 * "exercise:<exercise>:<test>"): a learner has at most one card per key, so adding it again
 * brings the existing card back to today's queue instead of duplicating it.
 */
export const newReviewCardSchema = z.strictObject({
  sourceKey: z.string().regex(/^[a-z]+:[a-z0-9:_-]{1,200}$/, 'sourceKey must be "<source>:<stable id>" in lower case'),
  source: z.enum(CARD_SOURCES),
  front: z.string().trim().min(1).max(2_000),
  back: z.string().trim().min(1).max(6_000),
  /** Lesson id the card belongs to, for mastery and labels. */
  topic: z.string().regex(/^[a-z0-9-]{1,80}$/).optional(),
  /** Where to study it: a site path such as /learn/round-robin#why-equal-turns-arent-equal-load. */
  href: z.string().regex(/^\/(?!\/)[\w\-/#.]{0,300}$/, 'href must be a path on this site, such as /learn/round-robin').optional(),
});

export type NewReviewCard = z.infer<typeof newReviewCardSchema>;

/** `/learn/<slug>#<anchor>`: the section that teaches a rubric point. */
export function lessonHref(lesson: LessonRef): string {
  return lesson.anchor ? `/learn/${lesson.slug}#${lesson.anchor}` : `/learn/${lesson.slug}`;
}

/** The sentence of the model answer that covers each point, by point id. */
export function modelQuotes(question: DrillQuestion): Map<string, string> {
  return new Map(scoreAnswer(question.modelAnswer, question).points.flatMap((point) => (point.quote ? [[point.id, point.quote.text] as const] : [])));
}

/** Names the place a rubric point is taught ("Round robin › When round robin is the right choice"), as a cue that does not state the point. */
export type SectionName = (lesson: LessonRef) => string;

/**
 * The card for one rubric point: the front gives the question and where the point is taught and
 * asks for the point itself (retrieval, not rereading); the back states the point and the model
 * answer's sentence for it.
 */
export function rubricPointCard(question: DrillQuestion, pointId: string, sectionName: SectionName, quotes: ReadonlyMap<string, string> = modelQuotes(question)): NewReviewCard | undefined {
  const index = question.rubric.findIndex((point) => point.id === pointId);
  const point = question.rubric[index];
  if (!point) return undefined;
  const quote = quotes.get(point.id);
  return {
    sourceKey: `rubric:${question.id}:${point.id}`,
    source: 'rubric',
    front: `${question.prompt}\n\nYour answer left out point ${index + 1} of ${question.rubric.length}, the one taught in “${sectionName(point.lesson)}”. What does it say? Answer it aloud as you would in the interview, then turn the card.`,
    back: quote && quote !== point.label ? `${point.label}\n\nThe model answer says: “${quote}”` : point.label,
    topic: point.lesson.slug,
    href: lessonHref(point.lesson),
  };
}

/** One card per rubric point an answer missed (see rubricPointCard). */
export function cardsForMissedPoints(question: DrillQuestion, verdicts: readonly PointVerdict[], sectionName: SectionName): NewReviewCard[] {
  const quotes = modelQuotes(question);
  return verdicts.filter((verdict) => !verdict.covered).flatMap((verdict) => rubricPointCard(question, verdict.id, sectionName, quotes) ?? []);
}

/**
 * One card per misconception an answer stated: the front recalls what the learner said and asks
 * what is true, so the card is retrieval practice rather than a reminder; the back corrects it.
 */
export function cardsForMisconceptions(question: DrillQuestion, verdicts: readonly MisconceptionVerdict[]): NewReviewCard[] {
  return verdicts.map((verdict) => ({
    sourceKey: `misconception:${question.id}:${verdict.id}`,
    source: 'misconception' as const,
    front: `${question.prompt}\n\nAn earlier answer of yours said ${verdict.says}. Is that right? Say what actually happens.`,
    back: `No. ${verdict.correction}`,
    topic: verdict.lesson.slug,
    href: lessonHref(verdict.lesson),
  }));
}

/** A card for a whole question: say the answer, then compare with the model answer. */
export function questionCard(question: DrillQuestion): NewReviewCard {
  return {
    sourceKey: `question:${question.id}`,
    source: 'question',
    front: `${question.prompt}\n\nSay your answer out loud, then turn the card.`,
    back: question.modelAnswer,
    topic: question.topics[0],
    href: `/drills/practice/${question.id}`,
  };
}

/**
 * A lesson quiz question the learner got wrong, as a card: the question (and its choices) on the
 * front, the right answer and the lesson's explanation on the back, keyed by lesson and question so
 * a second wrong answer brings the same card back.
 */
export function quizCard(lesson: { id: string; slug: string }, question: QuizQuestion): NewReviewCard {
  const front = question.kind === 'choice' ? `${question.prompt}\n\n${question.choices.map((choice) => `- ${choice}`).join('\n')}` : question.prompt;
  const answer = question.kind === 'choice' ? question.choices[question.answer]! : question.accept[0]!;
  return {
    sourceKey: `quiz:${lesson.id}:${question.id}`,
    source: 'quiz',
    front,
    back: `Answer: ${answer}\n\n${question.explanation}`,
    topic: lesson.id,
    href: `/learn/${lesson.slug}#quiz`,
  };
}
