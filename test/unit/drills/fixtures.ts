import { drillQuestionSchema, type DrillQuestion, type DrillQuestionInput } from '@/lib/drills/question-schema';

/** A small question over two lessons: points a (3) and b (2) in round-robin, c (1) in least-connections. */
export function fixtureQuestion(overrides: Partial<DrillQuestionInput> = {}): DrillQuestion {
  return drillQuestionSchema.parse({
    id: 'fixture-question',
    prompt: 'When is round robin the right algorithm?',
    kind: 'concept',
    difficulty: 2,
    topics: ['round-robin', 'least-connections'],
    modelAnswer: `Round robin suits identical servers when requests cost the same. ${'It balances request counts, not work, so uneven costs pile up on one server. '.repeat(6)}When costs vary I would use least connections instead.`,
    rubric: [
      { id: 'uniform', label: 'Right for identical servers and similar requests', weight: 3, lesson: { slug: 'round-robin', anchor: 'when' }, match: [[['identical', 'equivalent'], ['cost', 'take']]] },
      { id: 'counts', label: 'Balances counts, not work', weight: 2, lesson: { slug: 'round-robin' }, match: [[['request counts'], ['work']]] },
      { id: 'alternative', label: 'Least connections when costs vary', weight: 1, lesson: { slug: 'least-connections' }, match: [['least connections', ['vary', 'varies']]] },
    ],
    followUps: [
      { prompt: 'How would you notice the imbalance?', probes: 'counts' },
      { prompt: 'What would you use instead?', probes: 'alternative' },
      { prompt: 'What makes servers equivalent?', probes: 'uniform' },
    ],
    ...overrides,
  });
}
