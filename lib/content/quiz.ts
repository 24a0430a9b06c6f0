import type { QuizQuestion } from './lesson-schema';

/** A learner's answer: a choice index, or free text for short questions. */
export type QuizResponse = number | string;

/** Lower-case, trim, collapse inner whitespace: "  Three  Servers " equals "three servers". */
export function normaliseShortAnswer(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Whether a response answers the question correctly; a response of the wrong shape is wrong. */
export function isCorrect(question: QuizQuestion, response: QuizResponse): boolean {
  if (question.kind === 'choice') return typeof response === 'number' && response === question.answer;
  if (typeof response !== 'string') return false;
  const given = normaliseShortAnswer(response);
  return question.accept.some((accepted) => normaliseShortAnswer(accepted) === given);
}

