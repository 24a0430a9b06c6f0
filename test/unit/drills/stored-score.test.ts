import { describe, expect, it } from 'vitest';
import { drillQuestionSchema, type DrillQuestionInput } from '@/lib/drills/question-schema';
import { rubricVersion } from '@/lib/drills/rubric-version';
import { scoreAnswer } from '@/lib/drills/score';
import { serializeScore, storedScore } from '@/lib/drills/stored-score';

const input: DrillQuestionInput = {
  id: 'stored-fixture',
  prompt: 'When is round robin the right algorithm?',
  kind: 'concept',
  difficulty: 1,
  topics: ['round-robin'],
  modelAnswer: `${'Round robin suits identical servers whose requests cost the same amount of work. '.repeat(8)}`,
  rubric: [
    { id: 'uniform', label: 'Right for identical servers', weight: 3, lesson: { slug: 'round-robin' }, match: [[['identical'], ['cost']]] },
    { id: 'hashing', label: 'Hashing keeps a key on its server', weight: 1, lesson: { slug: 'round-robin' }, match: [['hash ring']] },
  ],
  followUps: [{ prompt: 'Why?', probes: 'uniform' }],
};
const question = drillQuestionSchema.parse(input);
const attemptOf = (answer: string) => {
  const score = scoreAnswer(answer, question);
  return { breakdown: serializeScore(score), covered: JSON.stringify(score.points.filter((point) => point.covered).map((point) => point.id)), ...score };
};

describe('the stored score of an attempt', () => {
  it('reads back exactly the breakdown that was shown', () => {
    const attempt = attemptOf('The servers are identical and requests cost the same.');
    expect(storedScore(attempt, question)).toEqual(scoreAnswer('The servers are identical and requests cost the same.', question));
  });

  it('is not rescored when the rubric changes: the old breakdown stays', () => {
    const attempt = attemptOf('The servers are identical and requests cost the same.');
    const edited = drillQuestionSchema.parse({ ...input, rubric: [{ ...input.rubric[0]!, match: [['nothing matches this']] }, input.rubric[1]!] });
    expect(storedScore(attempt, edited).points[0]).toMatchObject({ id: 'uniform', covered: true, quote: { text: 'The servers are identical and requests cost the same.' } });
    expect(rubricVersion(edited)).not.toBe(rubricVersion(question));
  });

  it('rebuilds an attempt stored before breakdowns from its covered ids and totals, without quotes', () => {
    const legacy = { breakdown: null, covered: '["hashing"]', score: 0.25, rawScore: 0.25, earned: 1, possible: 4 };
    const score = storedScore(legacy, question);
    expect(score).toMatchObject({ score: 0.25, earned: 1, possible: 4, misconceptions: [], cap: null });
    expect(score.points.map((point) => [point.id, point.covered, point.quote])).toEqual([
      ['uniform', false, null],
      ['hashing', true, null],
    ]);
  });

  it('fingerprints a rubric stably, as 8 hex digits', () => {
    expect(rubricVersion(question)).toMatch(/^[0-9a-f]{8}$/);
    expect(rubricVersion(drillQuestionSchema.parse(input))).toBe(rubricVersion(question));
  });
});

describe('the disputed-points report', () => {
  it('ranks points by disputes, then confirmations, and lists the rubric versions disputed', async () => {
    const { rankDisputedPoints } = await import('@/lib/drills/dispute-report');
    const rows = rankDisputedPoints([
      { questionId: 'q1', pointId: 'a', confirmed: false, rubricVersion: 'v1' },
      { questionId: 'q2', pointId: 'b', confirmed: true, rubricVersion: 'v1' },
      { questionId: 'q2', pointId: 'b', confirmed: false, rubricVersion: 'v2' },
      { questionId: 'q1', pointId: 'c', confirmed: true, rubricVersion: null },
    ]);
    expect(rows.map((row) => [row.questionId, row.pointId, row.disputes, row.confirmed])).toEqual([
      ['q2', 'b', 2, 1],
      ['q1', 'c', 1, 1],
      ['q1', 'a', 1, 0],
    ]);
    expect(rows[0]!.rubricVersions).toEqual(['v1', 'v2']);
  });
});
