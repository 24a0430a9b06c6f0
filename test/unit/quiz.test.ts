import { describe, expect, it } from 'vitest';
import { isCorrect, normaliseShortAnswer } from '@/lib/content/quiz';
import type { QuizQuestion } from '@/lib/content/lesson-schema';

const choice: QuizQuestion = { id: 'q', kind: 'choice', prompt: 'Which?', choices: ['a', 'b', 'c'], answer: 1, explanation: 'Because.' };
const short: QuizQuestion = { id: 's', kind: 'short', prompt: 'How many?', accept: ['3', 'Three servers'], explanation: 'Count.' };

describe('quiz grading', () => {
  it('accepts only the right choice index', () => {
    expect(isCorrect(choice, 1)).toBe(true);
    expect(isCorrect(choice, 0)).toBe(false);
    expect(isCorrect(choice, '1')).toBe(false);
  });

  it('matches short answers ignoring case, outer spaces and repeated inner spaces', () => {
    expect(isCorrect(short, '  three   SERVERS ')).toBe(true);
    expect(isCorrect(short, '3')).toBe(true);
    expect(isCorrect(short, '4')).toBe(false);
    expect(isCorrect(short, 3)).toBe(false);
  });

  it('normalises text the same way on both sides', () => {
    expect(normaliseShortAnswer('\tLeast   Connections\n')).toBe('least connections');
  });
});
