import { describe, expect, it } from 'vitest';
import { joinSections } from '@/lib/drills/answer-text';
import { attemptRequestSchema, mockActionRequestSchema, mockStartRequestSchema, reviewRatingRequestSchema, tooLongMessage } from '@/lib/drills/contract';
import { MAX_ANSWER_CHARS } from '@/lib/drills/limits';

const requestId = 'request-0001';
const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((issue) => issue.message).join('; ') ?? '';

describe('attemptRequestSchema', () => {
  it('accepts free text or template sections, not both and not neither', () => {
    expect(attemptRequestSchema.safeParse({ requestId, questionId: 'q', answer: 'An answer.' }).success).toBe(true);
    expect(attemptRequestSchema.safeParse({ requestId, questionId: 'q', sections: { choice: 'ALB.' } }).success).toBe(true);
    expect(attemptRequestSchema.safeParse({ requestId, questionId: 'q', answer: 'A', sections: { choice: 'B' } }).success).toBe(false);
    expect(attemptRequestSchema.safeParse({ requestId, questionId: 'q' }).success).toBe(false);
  });

  it('refuses a blank answer with a message a learner can act on', () => {
    expect(messages(attemptRequestSchema.safeParse({ requestId, questionId: 'q', answer: '  \n ' }))).toContain('Write an answer');
  });

  it('refuses an answer over the limit, saying by how much', () => {
    const result = attemptRequestSchema.safeParse({ requestId, questionId: 'q', answer: 'x'.repeat(MAX_ANSWER_CHARS + 20) });
    expect(messages(result)).toContain('at most 5,000 characters and this one has 5,020: cut 20');
  });

  it('limits template sections by their joined length', () => {
    const half = 'y'.repeat(MAX_ANSWER_CHARS / 2);
    expect(messages(attemptRequestSchema.safeParse({ requestId, questionId: 'q', sections: { a: half, b: half } }))).toBe(tooLongMessage(MAX_ANSWER_CHARS + 2));
  });

  it('refuses unknown fields and an unknown time zone', () => {
    expect(attemptRequestSchema.safeParse({ requestId, questionId: 'q', answer: 'A', score: 1 }).success).toBe(false);
    expect(messages(attemptRequestSchema.safeParse({ requestId, questionId: 'q', answer: 'A', timeZone: 'Nowhere/Else' }))).toContain('IANA');
  });
});

describe('joinSections', () => {
  it('joins in template order with blank lines, leaving out empty sections', () => {
    expect(joinSections({ b: 'Second.', a: ' First. ', c: '' }, ['a', 'b', 'c'])).toBe('First.\n\nSecond.');
  });
});

describe('mock and review requests', () => {
  it('bounds a mock interview’s size and phase lengths', () => {
    const valid = { requestId, questionCount: 2, phaseSeconds: [15, 60, 60, 30] };
    expect(mockStartRequestSchema.safeParse(valid).success).toBe(true);
    expect(mockStartRequestSchema.safeParse({ ...valid, questionCount: 9 }).success).toBe(false);
    expect(mockStartRequestSchema.safeParse({ ...valid, phaseSeconds: [5, 60, 60, 30] }).success).toBe(false);
    expect(mockStartRequestSchema.safeParse({ ...valid, phaseSeconds: [60, 60, 60] }).success).toBe(false);
  });

  it('knows the three mock actions and the four phases', () => {
    expect(mockActionRequestSchema.safeParse({ action: 'submit', requestId, position: 0, phase: 'deep-dive', text: '' }).success).toBe(true);
    expect(mockActionRequestSchema.safeParse({ action: 'submit', requestId, position: 0, phase: 'small-talk', text: '' }).success).toBe(false);
    expect(mockActionRequestSchema.safeParse({ action: 'pause', requestId }).success).toBe(false);
  });

  it('accepts the four FSRS ratings only', () => {
    expect(reviewRatingRequestSchema.safeParse({ requestId, rating: 4 }).success).toBe(true);
    expect(messages(reviewRatingRequestSchema.safeParse({ requestId, rating: 5 }))).toContain('1 (again)');
  });
});
