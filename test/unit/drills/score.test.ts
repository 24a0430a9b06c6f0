import { describe, expect, it } from 'vitest';
import { drillQuestionSchema, type DrillQuestionInput } from '@/lib/drills/question-schema';
import { CAPPED_SCORE, MAX_ANSWER_CHARS, proseSignals, scoreAnswer } from '@/lib/drills/score';

const modelAnswer =
  'Round robin deals requests to the servers in turn, so each of N servers gets one request in every N. ' +
  'It is the right choice when the servers are identical and requests cost about the same. ' +
  'It balances request counts, not work, so when costs vary I would use least connections instead. ' +
  'Health checks decide which servers are eligible before the algorithm picks one, and a dead server simply drops out of the rotation. ' +
  'Round robin keeps almost no state, so it is cheap and easy to run on many balancer instances at once. ' +
  'Where a key must keep reaching the same server, a hash ring is the better tool.';

const input: DrillQuestionInput = {
  id: 'rr-fixture',
  prompt: 'When is round robin the right algorithm?',
  kind: 'concept',
  difficulty: 1,
  topics: ['round-robin'],
  modelAnswer,
  rubric: [
    { id: 'uniform', label: 'Right for identical servers and similar requests', weight: 3, lesson: { slug: 'round-robin' }, match: [[['identical', 'equivalent'], ['cost', 'take']]] },
    { id: 'counts-not-work', label: 'Balances counts, not work', weight: 2, lesson: { slug: 'round-robin' }, match: [[['request counts', 'number of requests'], ['work', 'load']]] },
    { id: 'alternative', label: 'Least connections when costs vary', weight: 1, lesson: { slug: 'round-robin' }, match: [['least connections', ['vary', 'varies', 'uneven']], ['two choices']] },
    { id: 'hashing', label: 'Hashing keeps a key on its server', weight: 2, lesson: { slug: 'round-robin' }, match: [['hash ring'], ['clockwise']] },
  ],
  followUps: [{ prompt: 'And with many balancers?', probes: 'alternative' }],
};
const question = drillQuestionSchema.parse(input);

const covered = (answer: string) => scoreAnswer(answer, question).points.filter((point) => point.covered).map((point) => point.id);

describe('scoreAnswer: matching', () => {
  it('gives the weighted share of covered points', () => {
    const result = scoreAnswer('Use it when servers are identical and requests cost the same.', question);
    expect(result.earned).toBe(3);
    expect(result.possible).toBe(8);
    expect(result.score).toBeCloseTo(3 / 8);
  });

  it('ignores case, punctuation and the order of terms within a point', () => {
    expect(covered('COST is similar, and the boxes are IDENTICAL!!!')).toContain('uniform');
    expect(covered('identical...cost')).toContain('uniform');
  });

  it('accepts any listed synonym for a term', () => {
    expect(covered('When servers are equivalent and calls take equal time, it is fine.')).toContain('uniform');
    expect(covered('Prefer power of two choices with many balancers.')).toContain('alternative');
  });

  it('matches inflected forms through the stemmer', () => {
    expect(covered('When request costs are uneven I would move to least connections.')).toContain('alternative');
    expect(covered('It balances the number of requests, not the load.')).toContain('counts-not-work');
  });

  it('matches whole words only, and phrases only as consecutive words', () => {
    expect(covered('Identical hardware; the costume department is unrelated.')).not.toContain('uniform');
    expect(covered('A ring made of hashes is not a hash ring... or is it a ring hash?')).toContain('hashing');
    expect(covered('The ring stores each hash.')).not.toContain('hashing');
  });

  it('lets a point span two adjacent sentences, but no further', () => {
    expect(covered('The servers are identical. Requests cost the same.')).toContain('uniform');
    expect(covered('The servers are identical. That matters. Requests cost the same.')).not.toContain('uniform');
  });

  it('reads common abbreviations as the words they stand for', () => {
    const rubric = [{ ...input.rubric[0]!, match: [['load balancer', 'single point of failure']] }, { ...input.rubric[1]!, match: [['database']] }];
    const abbreviated = drillQuestionSchema.parse({ ...input, rubric, followUps: [{ prompt: 'Why?', probes: 'uniform' }] });
    expect(scoreAnswer('One LB in front of everything is a SPOF, and so is one DB behind it.', abbreviated).score).toBe(1);
  });
});

describe('scoreAnswer: quotes', () => {
  it('quotes the sentence that covers each point, with offsets into the answer', () => {
    const answer = 'Round robin is simple. It fits when servers are identical and requests cost the same. Otherwise use least connections because costs vary.';
    const result = scoreAnswer(answer, question);
    const uniform = result.points.find((point) => point.id === 'uniform')!;
    expect(uniform.quote?.text).toBe('It fits when servers are identical and requests cost the same.');
    expect(answer.slice(uniform.quote!.start, uniform.quote!.end)).toBe(uniform.quote!.text);
    expect(result.points.find((point) => point.id === 'alternative')!.quote?.text).toBe('Otherwise use least connections because costs vary.');
  });

  it('prefers a single sentence over a two-sentence window, and quotes both sentences of a window', () => {
    const window = 'The servers are identical.\nRequests cost the same.';
    expect(scoreAnswer(window, question).points[0]!.quote?.text).toBe(window);
    const later = 'The servers are identical. Requests cost the same. Identical servers, same cost.';
    expect(scoreAnswer(later, question).points[0]!.quote?.text).toBe('Identical servers, same cost.');
  });

  it('leaves missed points without a quote and reports their label and lesson', () => {
    const missed = scoreAnswer('Something else entirely.', question).points[3]!;
    expect(missed).toMatchObject({ id: 'hashing', covered: false, quote: null, label: 'Hashing keeps a key on its server', lesson: { slug: 'round-robin' } });
  });
});

describe('scoreAnswer: limits and edge cases', () => {
  it('scores an empty or blank answer 0 without a cap', () => {
    for (const answer of ['', '   \n  ']) {
      const result = scoreAnswer(answer, question);
      expect(result.score).toBe(0);
      expect(result.cap).toBeNull();
      expect(result.points.every((point) => !point.covered)).toBe(true);
    }
  });

  it('gives the fixture model answer full marks', () => {
    expect(scoreAnswer(modelAnswer, question).score).toBe(1);
  });

  it('exports a 5,000-character limit and ignores text beyond it', () => {
    expect(MAX_ANSWER_CHARS).toBe(5_000);
    const filler = 'This sentence is about nothing in particular. '.repeat(Math.ceil(MAX_ANSWER_CHARS / 46));
    const result = scoreAnswer(`${filler}The servers are identical and requests cost the same.`, question);
    expect(result.truncated).toBe(true);
    expect(result.points[0]!.covered).toBe(false);
    expect(scoreAnswer(modelAnswer, question).truncated).toBe(false);
  });
});

describe('scoreAnswer: keyword lists are capped', () => {
  it('caps a bare list of every rubric term, one per line or comma-separated', () => {
    for (const bag of [
      'identical cost, request counts work, least connections vary, two choices, hash ring clockwise',
      '- identical cost\n- request counts work\n- least connections vary\n- hash ring',
    ]) {
      const result = scoreAnswer(bag, question);
      expect(result.rawScore).toBe(1);
      expect(result.cap).toEqual({ reason: 'keyword-list', limit: CAPPED_SCORE });
      expect(result.score).toBe(CAPPED_SCORE);
    }
  });

  it('caps a keyword list padded with function words when most words are rubric terms', () => {
    const padded = 'The identical cost, the request counts work, the least connections vary, the two choices, the hash ring clockwise.';
    const result = scoreAnswer(padded, question);
    expect(proseSignals(padded, question).functionWordShare).toBeGreaterThanOrEqual(0.15);
    expect(result.cap?.reason).toBe('keyword-stuffing');
    expect(result.score).toBeLessThanOrEqual(CAPPED_SCORE);
  });

  it('does not cap a terse answer written in sentences', () => {
    const terse = 'Use it when the servers are identical and requests cost the same.\n- It balances request counts, not work.\n- If costs vary, switch to least connections.';
    const result = scoreAnswer(terse, question);
    expect(result.cap).toBeNull();
    expect(result.score).toBeCloseTo(6 / 8);
  });

  it('never raises a score: a capped answer below the cap keeps its raw score', () => {
    const result = scoreAnswer('least connections vary', question);
    expect(result.cap?.reason).toBe('keyword-list');
    expect(result.score).toBe(result.rawScore);
  });
});
