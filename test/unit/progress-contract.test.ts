import { describe, expect, it } from 'vitest';
import { describeIssues, progressRequestSchema } from '@/lib/progress/contract';

describe('progress requests', () => {
  it('accepts the three actions', () => {
    expect(progressRequestSchema.safeParse({ action: 'complete', requestId: 'abcdefgh-1' }).success).toBe(true);
    expect(progressRequestSchema.safeParse({ action: 'reopen', requestId: 'abcdefgh-1' }).success).toBe(true);
    expect(progressRequestSchema.safeParse({ action: 'answer', requestId: 'abcdefgh-1', questionId: 'q-1', response: 2 }).success).toBe(true);
  });

  it('rejects unknown fields, unknown actions, short request ids and long answers with readable messages', () => {
    const cases = [
      { action: 'complete', requestId: 'abcdefgh-1', admin: true },
      { action: 'delete', requestId: 'abcdefgh-1' },
      { action: 'complete', requestId: 'x' },
      { action: 'answer', requestId: 'abcdefgh-1', questionId: 'q', response: 'x'.repeat(201) },
    ];
    for (const body of cases) {
      const result = progressRequestSchema.safeParse(body);
      expect(result.success).toBe(false);
      expect(describeIssues(result.error!).length).toBeGreaterThan(5);
    }
  });
});
