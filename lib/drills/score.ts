import { readClauses, phraseKeys, type Clause } from './language';
import { MAX_ANSWER_CHARS } from './limits';
import type { DrillQuestion, LessonRef } from './question-schema';
import { firstClauseStating, type Alternative } from './rubric-match';

/** The most an answer can score when it reads as a keyword list rather than an explanation. */
export const CAPPED_SCORE = 0.3;
/**
 * Fewest words per covered point an explanation spends. On the calibration corpus correct answers
 * spend 14 or more (median 35) and model answers 22 or more; a list of rubric terms spends 2 to 5,
 * padded with "the" or not. Below this, the cap applies.
 */
export const MIN_WORDS_PER_POINT = 6;
/** What an asserted misconception costs on top of the point it cancels, as a share of that point's weight. */
export const MISCONCEPTION_PENALTY = 0.5;

/** The clause of the answer that states a point or a misconception. */
export interface Quote {
  text: string;
  /** Offsets into the answer that was scored: `answer.slice(start, end) === text`. */
  start: number;
  end: number;
}

export interface PointVerdict {
  id: string;
  label: string;
  weight: number;
  lesson: LessonRef;
  covered: boolean;
  quote: Quote | null;
}

/** A wrong belief the answer states, with the clause that states it and the lesson that corrects it. */
export interface MisconceptionVerdict {
  id: string;
  pointId: string;
  says: string;
  correction: string;
  lesson: LessonRef;
  quote: Quote;
}

export type CapReason = 'keyword-list';

export interface DrillScore {
  /** Weighted share of rubric points covered, less misconception penalties, 0..1, after any cap. */
  score: number;
  /** The same share before the cap. */
  rawScore: number;
  earned: number;
  /** Weight taken off for stated misconceptions (MISCONCEPTION_PENALTY of each one's point). */
  penalty: number;
  possible: number;
  points: PointVerdict[];
  /** Misconceptions the answer asserts; each cancels its point and costs MISCONCEPTION_PENALTY of its weight. */
  misconceptions: MisconceptionVerdict[];
  /** Why the score was held at CAPPED_SCORE, or null when the answer reads as prose. */
  cap: { reason: CapReason; limit: number } | null;
  /** Words the scorer read (after any truncation): the cap compares them with the points covered. */
  words: number;
  /** True when the answer was longer than MAX_ANSWER_CHARS and only its start was scored. */
  truncated: boolean;
}

interface CompiledAlternatives {
  alternatives: Alternative[];
}

interface CompiledRubric {
  points: (CompiledAlternatives & { misconceptions: CompiledAlternatives[] })[];
}

const compiledRubrics = new WeakMap<DrillQuestion, CompiledRubric>();

function compileRubric(question: DrillQuestion): CompiledRubric {
  let rubric = compiledRubrics.get(question);
  if (rubric) return rubric;
  const compile = (alternatives: readonly { terms: readonly (readonly string[])[]; negated: boolean }[]): CompiledAlternatives => ({
    alternatives: alternatives.map((alternative) => ({ negated: alternative.negated, terms: alternative.terms.map((synonyms) => synonyms.map(phraseKeys)) })),
  });
  rubric = { points: question.rubric.map((point) => ({ ...compile(point.match), misconceptions: point.misconceptions.map((misconception) => compile(misconception.match)) })) };
  compiledRubrics.set(question, rubric);
  return rubric;
}

const quoteOf = (clause: Clause): Quote => ({ text: clause.text, start: clause.start, end: clause.end });

/**
 * Scores a free-text answer against a question's rubric. A point is covered when one clause of
 * the answer states one of its alternatives with the right polarity (a negated mention never
 * earns an affirmative point), and the verdict quotes that clause. A misconception the answer
 * states cancels its point and costs MISCONCEPTION_PENALTY of the point's weight. The score is
 * the resulting share of rubric weight, capped at CAPPED_SCORE for an answer that spends fewer
 * than MIN_WORDS_PER_POINT words per covered point (a keyword list, padded or not). Text past
 * MAX_ANSWER_CHARS is ignored.
 */
export function scoreAnswer(answer: string, question: DrillQuestion): DrillScore {
  const truncated = answer.length > MAX_ANSWER_CHARS;
  const clauses = readClauses(truncated ? answer.slice(0, MAX_ANSWER_CHARS) : answer);
  const rubric = compileRubric(question);

  let earned = 0;
  let penalty = 0;
  let possible = 0;
  const misconceptions: MisconceptionVerdict[] = [];
  const points = question.rubric.map((point, index): PointVerdict => {
    const compiled = rubric.points[index]!;
    possible += point.weight;
    const asserted = point.misconceptions.flatMap((misconception, at) => {
      const clause = firstClauseStating(clauses, compiled.misconceptions[at]!.alternatives);
      return clause ? [{ id: misconception.id, pointId: point.id, says: misconception.says, correction: misconception.correction, lesson: point.lesson, quote: quoteOf(clause) }] : [];
    });
    misconceptions.push(...asserted);
    const clause = asserted.length > 0 ? null : firstClauseStating(clauses, compiled.alternatives);
    if (clause) earned += point.weight;
    if (asserted.length > 0) penalty += point.weight * MISCONCEPTION_PENALTY;
    return { id: point.id, label: point.label, weight: point.weight, lesson: point.lesson, covered: clause !== null, quote: clause ? quoteOf(clause) : null };
  });

  const rawScore = possible === 0 ? 0 : Math.max(0, earned - penalty) / possible;
  const words = clauses.reduce((sum, clause) => sum + clause.tokens.length, 0);
  const covered = points.filter((point) => point.covered).length;
  // An explanation spends sentences on each point; a keyword list spends two or three words.
  const listLike = covered > 0 && words / covered < MIN_WORDS_PER_POINT;
  return {
    score: listLike ? Math.min(rawScore, CAPPED_SCORE) : rawScore,
    rawScore,
    earned,
    penalty,
    possible,
    points,
    misconceptions,
    cap: listLike ? { reason: 'keyword-list', limit: CAPPED_SCORE } : null,
    words,
    truncated,
  };
}
