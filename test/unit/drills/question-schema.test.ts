import { describe, expect, it } from 'vitest';
import { answerTemplatesSchema, drillQuestionSchema, type DrillQuestionInput } from '@/lib/drills/question-schema';

const eightyWords = Array.from({ length: 80 }, () => 'word').join(' ');

function question(overrides: Partial<DrillQuestionInput> = {}): DrillQuestionInput {
  return {
    id: 'sample-question',
    prompt: 'Why does round robin fail with uneven requests?',
    kind: 'concept',
    difficulty: 2,
    topics: ['round-robin', 'least-connections'],
    modelAnswer: eightyWords,
    rubric: [
      { id: 'counts', label: 'It balances counts, not work', weight: 3, lesson: { slug: 'round-robin', anchor: 'why-equal-turns-arent-equal-load' }, match: [['request counts', ['work', 'load']]] },
      { id: 'instead', label: 'Least connections adapts', weight: 1, lesson: { slug: 'least-connections' }, match: [[['least connections', 'least_conn']]] },
    ],
    followUps: [{ prompt: 'What would you use instead?', probes: 'instead' }],
    ...overrides,
  };
}

const messages = (input: unknown) => {
  const parsed = drillQuestionSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('drill question schema', () => {
  it('accepts a valid question and turns every bare term into a list of synonyms, affirmative unless written as "not"', () => {
    const parsed = drillQuestionSchema.parse(question());
    expect(parsed.rubric[0]!.match).toEqual([{ terms: [['request counts'], ['work', 'load']], negated: false }]);
    expect(parsed.rubric[1]!.match).toEqual([{ terms: [['least connections', 'least_conn']], negated: false }]);
    expect(parsed.rubric[0]!.misconceptions).toEqual([]);
    const negative = drillQuestionSchema.parse(question({ rubric: [{ ...question().rubric[0]!, match: [{ not: [['look at'], 'load'] }] }, question().rubric[1]!] }));
    expect(negative.rubric[0]!.match).toEqual([{ terms: [['look at'], ['load']], negated: true }]);
  });

  it('rejects duplicate misconception ids within a question', () => {
    const misconception = { id: 'looks-at-load', says: 'round robin looks at load', correction: 'It never does.', match: [[['round robin'], ['least loaded']]] };
    const [first, second] = question().rubric;
    expect(messages(question({ rubric: [{ ...first!, misconceptions: [misconception] }, { ...second!, misconceptions: [misconception] }] }))).toEqual([
      'rubric.1.misconceptions.0.id: duplicate misconception id "looks-at-load"',
    ]);
  });

  it('holds model answers to 80–300 words', () => {
    expect(messages(question({ modelAnswer: 'Too short to be a model answer.' }))).toEqual(['modelAnswer: must be 80–300 words, found 7']);
    expect(messages(question({ modelAnswer: `${eightyWords} ${eightyWords} ${eightyWords} ${eightyWords}` }))[0]).toMatch(/found 320/);
  });

  it('rejects duplicate rubric ids and follow-ups that probe a missing point', () => {
    const rubric = question().rubric;
    expect(messages(question({ rubric: [rubric[0]!, { ...rubric[1]!, id: 'counts' }], followUps: [{ prompt: 'Why?', probes: 'counts' }] }))).toEqual([
      'rubric.1.id: duplicate rubric point id "counts"',
    ]);
    expect(messages(question({ followUps: [{ prompt: 'Why?', probes: 'nowhere' }] }))).toEqual(['followUps.0.probes: no rubric point "nowhere"']);
  });

  it('requires every rubric lesson to be one of the topics, and topics to be unique', () => {
    expect(messages(question({ topics: ['round-robin'] }))).toEqual(['rubric.1.lesson.slug: lesson "least-connections" must be one of the question\'s topics']);
    expect(messages(question({ topics: ['round-robin', 'least-connections', 'round-robin'] }))).toEqual(['topics.2: duplicate topic "round-robin"']);
  });

  it('rejects non-kebab ids, unknown kinds, out-of-range weights, empty terms and unknown keys', () => {
    expect(messages(question({ id: 'Not Kebab' }))[0]).toMatch(/^id: must be kebab-case/);
    expect(messages({ ...question(), kind: 'essay' })[0]).toMatch(/^kind:/);
    expect(messages(question({ rubric: [{ ...question().rubric[0]!, weight: 4 }, question().rubric[1]!] }))[0]).toMatch(/^rubric\.0\.weight:/);
    expect(messages(question({ rubric: [{ ...question().rubric[0]!, match: [['--']] }, question().rubric[1]!] })).length).toBeGreaterThan(0);
    expect(messages({ ...question(), hint: 'extra' })[0]).toMatch(/hint/);
  });

  it('needs at least two rubric points and one follow-up', () => {
    expect(messages(question({ rubric: [question().rubric[1]!] }))[0]).toMatch(/^rubric:/);
    expect(messages(question({ followUps: [] }))[0]).toMatch(/^followUps:/);
  });
});

describe('answer template schema', () => {
  const template = {
    id: 'failure-handling',
    title: 'What happens when a part fails',
    summary: 'Walk from detection to recovery.',
    sections: [
      { id: 'detect', title: 'Detect', prompt: 'Who notices, and how fast?' },
      { id: 'recover', title: 'Recover', prompt: 'How does it come back?' },
    ],
  };

  it('accepts ordered sections with unique ids', () => {
    expect(answerTemplatesSchema.parse([template])[0]!.sections.map((section) => section.id)).toEqual(['detect', 'recover']);
  });

  it('rejects duplicate section ids', () => {
    const duplicate = { ...template, sections: [template.sections[0]!, template.sections[0]!] };
    expect(answerTemplatesSchema.safeParse([duplicate]).success).toBe(false);
  });
});
