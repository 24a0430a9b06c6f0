import { describe, expect, it } from 'vitest';
import { calibrationFiles } from '@/content/drills/calibration';
import holdout from '@/content/drills/holdout/answers.json';
import { CALIBRATION_BARS, calibrationFileSchema, measureCalibration, missingCalibration } from '@/lib/drills/calibration';
import { loadDrillBank } from '@/content/drills/bank';
import { scoreAnswer } from '@/lib/drills/score';

const bank = loadDrillBank();
const answers = Object.entries(calibrationFiles).flatMap(([module, raw]) => {
  const file = calibrationFileSchema.parse(raw);
  if (file.module !== module) throw new Error(`calibration/${module}.json says module "${file.module}"`);
  return file.answers;
});
const figures = measureCalibration(bank, answers, (text, questionId) => scoreAnswer(text, bank.questionsById.get(questionId)!));
const show = (list: readonly { question: string; kind: string; score: number; text: string }[]) =>
  list.map((answer) => `${answer.question} [${answer.kind}] ${answer.score.toFixed(2)}: ${answer.text.slice(0, 90)}`);

describe('the drill calibration corpus', () => {
  it('answers only questions of the bank, and every question has 3 correct, 1 partial, 2 wrong and 1 off-topic answers', () => {
    expect(answers.filter((answer) => !bank.questionsById.has(answer.question)).map((answer) => answer.question)).toEqual([]);
    expect(missingCalibration(bank, answers)).toEqual([]);
  });

  it('keeps a held-out set (measured by the bench, never tuned against) of 2 correct and 1 wrong answers per question', () => {
    const heldOut = calibrationFileSchema.parse(holdout).answers;
    for (const question of bank.questions) {
      expect(heldOut.filter((answer) => answer.question === question.id).map((answer) => answer.kind).sort(), question.id).toEqual(['correct', 'correct', 'wrong']);
    }
  });

  it('ranks every correct answer above every wrong answer to the same question', () => {
    expect(figures.misordered.map(({ question, correct, wrong }) => `${question}: correct ${correct.score.toFixed(2)} (${correct.style}) <= wrong ${wrong.score.toFixed(2)} (${wrong.style})`)).toEqual([]);
  });

  it(`scores at least ${CALIBRATION_BARS.correctAboveFloor * 100}% of correct answers ${CALIBRATION_BARS.correctFloor} or more`, () => {
    const low = figures.answers.filter((answer) => answer.kind === 'correct' && answer.score < CALIBRATION_BARS.correctFloor);
    expect(figures.correctAboveFloor, show(low).join('\n')).toBeGreaterThanOrEqual(CALIBRATION_BARS.correctAboveFloor);
  });

  it(`scores at least ${CALIBRATION_BARS.wrongBelowCeiling * 100}% of wrong answers ${CALIBRATION_BARS.wrongCeiling} or less`, () => {
    const high = figures.answers.filter((answer) => answer.kind === 'wrong' && answer.score > CALIBRATION_BARS.wrongCeiling);
    expect(figures.wrongBelowCeiling, show(high).join('\n')).toBeGreaterThanOrEqual(CALIBRATION_BARS.wrongBelowCeiling);
  });

  it(`scores every off-topic answer below ${CALIBRATION_BARS.offTopicCeiling}`, () => {
    expect(show(figures.answers.filter((answer) => answer.kind === 'off-topic' && answer.score >= CALIBRATION_BARS.offTopicCeiling))).toEqual([]);
  });
});
