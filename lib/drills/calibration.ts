/**
 * The calibration corpus: answers written from each question's prompt alone, before anyone looked
 * at its rubric, labelled with what a fair grader would say. It gates every rubric and scorer
 * change (test/content/drill-calibration.test.ts) and its figures print in scripts/bench.
 */
import { z } from 'zod';
import type { DrillBank } from './load-bank';
import type { DrillScore } from './score';

export const CALIBRATION_KINDS = ['correct', 'partial', 'wrong', 'off-topic'] as const;
export type CalibrationKind = (typeof CALIBRATION_KINDS)[number];

/** How many answers of each kind every question needs, at least. */
export const REQUIRED_PER_QUESTION: Readonly<Record<CalibrationKind, number>> = { correct: 3, partial: 1, wrong: 2, 'off-topic': 1 };

export const calibrationFileSchema = z.strictObject({
  module: z.string(),
  writtenFrom: z.literal('prompts only'),
  answers: z.array(
    z.strictObject({
      question: z.string(),
      kind: z.enum(CALIBRATION_KINDS),
      style: z.string().optional(),
      text: z.string().trim().min(1),
    }),
  ),
});
export type CalibrationFile = z.infer<typeof calibrationFileSchema>;
export type CalibrationAnswer = CalibrationFile['answers'][number];

/** The bars the corpus must clear, from the drills' acceptance criteria. */
export const CALIBRATION_BARS = {
  /** Share of correct answers scoring at least CORRECT_FLOOR. */
  correctAboveFloor: 0.9,
  correctFloor: 0.6,
  /** Share of wrong answers scoring at most WRONG_CEILING. */
  wrongBelowCeiling: 0.9,
  wrongCeiling: 0.4,
  /** Every off-topic answer scores below this. */
  offTopicCeiling: 0.1,
} as const;

export interface ScoredAnswer extends CalibrationAnswer {
  score: number;
}

/** A correct answer that did not outscore a wrong answer to the same question. */
export interface MisorderedPair {
  question: string;
  correct: ScoredAnswer;
  wrong: ScoredAnswer;
}

export interface CalibrationFigures {
  answers: ScoredAnswer[];
  meanByKind: Record<CalibrationKind, number>;
  countByKind: Record<CalibrationKind, number>;
  /** Share of (correct, wrong) pairs of one question where the correct answer scores higher. */
  orderingAccuracy: number;
  misordered: MisorderedPair[];
  correctAboveFloor: number;
  wrongBelowCeiling: number;
  offTopicMax: number;
}

const mean = (values: readonly number[]) => (values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length);

/** Scores every corpus answer against its question and summarises how well the scores rank them. */
export function measureCalibration(bank: DrillBank, answers: readonly CalibrationAnswer[], score: (answer: string, questionId: string) => DrillScore): CalibrationFigures {
  const scored = answers.map((answer) => ({ ...answer, score: score(answer.text, answer.question).score }));
  const ofKind = (kind: CalibrationKind) => scored.filter((answer) => answer.kind === kind);
  const meanByKind = Object.fromEntries(CALIBRATION_KINDS.map((kind) => [kind, mean(ofKind(kind).map((answer) => answer.score))])) as Record<CalibrationKind, number>;
  const countByKind = Object.fromEntries(CALIBRATION_KINDS.map((kind) => [kind, ofKind(kind).length])) as Record<CalibrationKind, number>;

  let pairs = 0;
  const misordered: MisorderedPair[] = [];
  for (const question of bank.questions) {
    const mine = scored.filter((answer) => answer.question === question.id);
    for (const correct of mine.filter((answer) => answer.kind === 'correct')) {
      for (const wrong of mine.filter((answer) => answer.kind === 'wrong')) {
        pairs += 1;
        if (correct.score <= wrong.score) misordered.push({ question: question.id, correct, wrong });
      }
    }
  }
  const share = (list: readonly ScoredAnswer[], ok: (value: number) => boolean) => (list.length === 0 ? 1 : list.filter((answer) => ok(answer.score)).length / list.length);
  return {
    answers: scored,
    meanByKind,
    countByKind,
    orderingAccuracy: pairs === 0 ? 1 : (pairs - misordered.length) / pairs,
    misordered,
    correctAboveFloor: share(ofKind('correct'), (value) => value >= CALIBRATION_BARS.correctFloor),
    wrongBelowCeiling: share(ofKind('wrong'), (value) => value <= CALIBRATION_BARS.wrongCeiling),
    offTopicMax: Math.max(0, ...ofKind('off-topic').map((answer) => answer.score)),
  };
}

/** Questions of the bank with fewer corpus answers of some kind than REQUIRED_PER_QUESTION asks. */
export function missingCalibration(bank: DrillBank, answers: readonly CalibrationAnswer[]): string[] {
  return bank.questions.flatMap((question) =>
    CALIBRATION_KINDS.flatMap((kind) => {
      const have = answers.filter((answer) => answer.question === question.id && answer.kind === kind).length;
      return have < REQUIRED_PER_QUESTION[kind] ? [`${question.id}: ${have} ${kind} (needs ${REQUIRED_PER_QUESTION[kind]})`] : [];
    }),
  );
}
