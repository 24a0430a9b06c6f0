import { FUNCTION_WORDS, splitSentences, stems, type Sentence } from './normalize';
import type { DrillQuestion, LessonRef } from './question-schema';

/** Longest answer the scorer reads, in UTF-16 code units (`string.length`); the API rejects longer ones. */
export const MAX_ANSWER_CHARS = 5_000;

/** The most an answer can score when it reads as a keyword list rather than an explanation. */
export const CAPPED_SCORE = 0.3;
/** Prose is roughly 40% function words; a list of terms is close to 0%. Below this share, the cap applies. */
export const MIN_FUNCTION_WORD_SHARE = 0.15;
/** Above this share of the answer's words belonging to rubric terms, the cap applies. */
export const MAX_RUBRIC_WORD_SHARE = 0.5;

/** The part of the answer that covers a point: one sentence, or two adjacent ones. */
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

export type CapReason = 'keyword-list' | 'keyword-stuffing';

export interface DrillScore {
  /** Weighted share of rubric points covered, 0..1, after any cap. */
  score: number;
  /** The same share before the cap. */
  rawScore: number;
  earned: number;
  possible: number;
  points: PointVerdict[];
  /** Why the score was held at CAPPED_SCORE, or null when the answer reads as prose. */
  cap: { reason: CapReason; limit: number } | null;
  /** True when the answer was longer than MAX_ANSWER_CHARS and only its start was scored. */
  truncated: boolean;
}

type Phrase = readonly string[];
type Term = readonly Phrase[];
type Alternative = readonly Term[];

interface CompiledRubric {
  points: { alternatives: readonly Alternative[] }[];
  /** Every phrase any term accepts, for measuring how much of an answer is rubric vocabulary. */
  vocabulary: readonly Phrase[];
}

const compiledRubrics = new WeakMap<DrillQuestion, CompiledRubric>();

function compileRubric(question: DrillQuestion): CompiledRubric {
  let rubric = compiledRubrics.get(question);
  if (!rubric) {
    const vocabulary: Phrase[] = [];
    const points = question.rubric.map((point) => ({
      alternatives: point.match.map((alternative) =>
        alternative.map((synonyms) => synonyms.map((text) => {
          const phrase = stems(text);
          vocabulary.push(phrase);
          return phrase;
        })),
      ),
    }));
    rubric = { points, vocabulary };
    compiledRubrics.set(question, rubric);
  }
  return rubric;
}

/** Index of each place `phrase` occurs as consecutive words in `words`. */
function occurrences(words: readonly string[], phrase: Phrase): number[] {
  const found: number[] = [];
  for (let i = 0; i + phrase.length <= words.length; i += 1) {
    if (phrase.every((word, offset) => words[i + offset] === word)) found.push(i);
  }
  return found;
}

function hasTerm(sentence: Sentence, term: Term): boolean {
  return term.some((phrase) => occurrences(sentence.stems, phrase).length > 0);
}

/**
 * The first place an alternative is fully present: a single sentence if any qualifies, else
 * two adjacent sentences (so "I'd use least connections. It suits long-lived sockets." counts
 * as one thought). Terms never span a sentence boundary.
 */
function locate(sentences: readonly Sentence[], alternatives: readonly Alternative[]): [Sentence, Sentence] | null {
  for (const sentence of sentences) {
    if (alternatives.some((alternative) => alternative.every((term) => hasTerm(sentence, term)))) return [sentence, sentence];
  }
  for (let i = 0; i + 1 < sentences.length; i += 1) {
    const pair = [sentences[i]!, sentences[i + 1]!] as const;
    if (alternatives.some((alternative) => alternative.every((term) => pair.some((sentence) => hasTerm(sentence, term))))) return [pair[0], pair[1]];
  }
  return null;
}

/** Share of the answer's words that are common function words. */
function functionWordShare(sentences: readonly Sentence[]): number {
  const all = sentences.flatMap((sentence) => sentence.words);
  return all.length === 0 ? 1 : all.filter((word) => FUNCTION_WORDS.has(word)).length / all.length;
}

/** Share of the answer's words that fall inside an occurrence of any rubric phrase. */
function rubricWordShare(sentences: readonly Sentence[], vocabulary: readonly Phrase[]): number {
  let total = 0;
  let inRubric = 0;
  for (const sentence of sentences) {
    const marked = new Set<number>();
    for (const phrase of vocabulary) {
      for (const at of occurrences(sentence.stems, phrase)) phrase.forEach((_, offset) => marked.add(at + offset));
    }
    total += sentence.stems.length;
    inRubric += marked.size;
  }
  return total === 0 ? 0 : inRubric / total;
}

/** The two measurements behind the keyword-list cap, for an answer already split into sentences. */
export interface ProseSignals {
  /** Share of words that are common function words ("the", "of", "because"); prose sits near 0.4. */
  functionWordShare: number;
  /** Share of words that sit inside an occurrence of any rubric phrase of the question. */
  rubricWordShare: number;
}

function signalsOf(sentences: readonly Sentence[], rubric: CompiledRubric): ProseSignals {
  return { functionWordShare: functionWordShare(sentences), rubricWordShare: rubricWordShare(sentences, rubric.vocabulary) };
}

/** How much an answer reads like prose, as the cap rule sees it. */
export function proseSignals(answer: string, question: DrillQuestion): ProseSignals {
  return signalsOf(splitSentences(answer.slice(0, MAX_ANSWER_CHARS)), compileRubric(question));
}

/**
 * Why an answer should not earn more than CAPPED_SCORE, if it should not. Two tests, both
 * about whether the text is an explanation or a list of the words a rubric looks for:
 * - a keyword list has almost no function words ("the", "of", "because"): under 15% of its words;
 * - a stuffed answer is mostly rubric vocabulary: over half of its words sit inside rubric terms.
 * Real answers, including terse bullet points written as sentences, pass both by a wide margin;
 * the bank's tests prove every model answer does.
 */
function capReason(sentences: readonly Sentence[], rubric: CompiledRubric): CapReason | null {
  if (sentences.length === 0) return null;
  const signals = signalsOf(sentences, rubric);
  if (signals.functionWordShare < MIN_FUNCTION_WORD_SHARE) return 'keyword-list';
  if (signals.rubricWordShare > MAX_RUBRIC_WORD_SHARE) return 'keyword-stuffing';
  return null;
}

/**
 * Scores a free-text answer against a question's rubric. A point is covered when every term of
 * one of its alternatives appears, in any order, within one sentence or two adjacent sentences;
 * the verdict quotes the first such place. The score is the covered share of rubric weight,
 * capped at CAPPED_SCORE for answers that read as keyword lists. Text past MAX_ANSWER_CHARS is
 * ignored.
 */
export function scoreAnswer(answer: string, question: DrillQuestion): DrillScore {
  const truncated = answer.length > MAX_ANSWER_CHARS;
  const text = truncated ? answer.slice(0, MAX_ANSWER_CHARS) : answer;
  const sentences = splitSentences(text);
  const rubric = compileRubric(question);

  let earned = 0;
  let possible = 0;
  const points = question.rubric.map((point, index): PointVerdict => {
    const place = locate(sentences, rubric.points[index]!.alternatives);
    possible += point.weight;
    if (place) earned += point.weight;
    const quote = place ? { text: text.slice(place[0].start, place[1].end), start: place[0].start, end: place[1].end } : null;
    return { id: point.id, label: point.label, weight: point.weight, lesson: point.lesson, covered: place !== null, quote };
  });

  const rawScore = possible === 0 ? 0 : earned / possible;
  const reason = capReason(sentences, rubric);
  return {
    score: reason ? Math.min(rawScore, CAPPED_SCORE) : rawScore,
    rawScore,
    earned,
    possible,
    points,
    cap: reason ? { reason, limit: CAPPED_SCORE } : null,
    truncated,
  };
}
