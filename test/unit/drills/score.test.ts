import { describe, expect, it } from 'vitest';
import { drillQuestionSchema, type DrillQuestionInput } from '@/lib/drills/question-schema';
import { MAX_ANSWER_CHARS } from '@/lib/drills/limits';
import { CAPPED_SCORE, MIN_WORDS_PER_POINT, scoreAnswer } from '@/lib/drills/score';

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
    {
      id: 'counts-not-work',
      label: 'Balances counts, not work',
      weight: 2,
      lesson: { slug: 'round-robin' },
      match: [{ not: [['request counts', 'number of requests'], ['work', 'load']] }, [['ignore', 'blind to'], ['load', 'busy']], { not: [['look at', 'consider'], ['load', 'busy']] }],
      misconceptions: [
        {
          id: 'rr-looks-at-load',
          says: 'round robin looks at how busy each server is',
          correction: 'It never does: it takes turns whatever each server is doing.',
          match: [[['round robin'], ['least busy', 'least loaded', 'fewest connections', 'look at load']]],
        },
      ],
    },
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

  it('matches inflected forms through lemmas, and synonyms through the shared thesaurus', () => {
    expect(covered('When request costs were uneven I moved to least connections.')).toContain('alternative');
    expect(covered('The backends are equivalent and calls take about as long.')).toContain('uniform');
    expect(covered('It picks whichever machine has the fewest open connections once costs vary.')).toContain('alternative');
  });

  it('matches whole words only, and phrase words in order with at most two words between them', () => {
    expect(covered('Identical hardware; the costume department is unrelated.')).not.toContain('uniform');
    expect(covered('Put the keys on a hash ring, not a ring of hashes.')).toContain('hashing');
    expect(covered('The ring stores each hash.')).not.toContain('hashing');
    expect(covered('Costs vary, so use least active connections.')).toContain('alternative');
    expect(covered('Costs vary, so use least of all the many different connections.')).not.toContain('alternative');
  });

  it('never earns a point from a sentence that negates it', () => {
    expect(covered('The servers are not identical, and requests cost different amounts.')).not.toContain('uniform');
    expect(covered('You never use a hash ring here.')).not.toContain('hashing');
    expect(covered('Without a hash ring, every key moves.')).not.toContain('hashing');
  });

  it('earns a negative claim from a negated statement of it, and only then', () => {
    expect(covered('It balances the number of requests, not the load.')).toContain('counts-not-work');
    expect(covered("It doesn't look at load at all.")).toContain('counts-not-work');
    expect(covered('It looks at load constantly.')).not.toContain('counts-not-work');
  });

  it('never lets a phrase span a comma or colon', () => {
    expect(covered('When costs vary, pick the least: connections come later.')).not.toContain('alternative');
  });

  it('lets a phrase carry its own negator, negated only from outside it', () => {
    const rubric = [{ ...input.rubric[0]!, match: [[['no downtime'], ['deploy']]] }, input.rubric[1]!];
    const own = drillQuestionSchema.parse({ ...input, rubric, followUps: [{ prompt: 'Why?', probes: 'uniform' }] });
    expect(scoreAnswer('Rolling deploys give you no downtime.', own).points[0]!.covered).toBe(true);
    expect(scoreAnswer("A rolling deploy doesn't mean no downtime.", own).points[0]!.covered).toBe(false);
  });

  it('states a phrase that ends in its own negator, even though the negator reaches back over the verb', () => {
    const rubric = [{ ...input.rubric[0]!, match: [[['lose nothing'], ['failover']]] }, input.rubric[1]!];
    const own = drillQuestionSchema.parse({ ...input, rubric, followUps: [{ prompt: 'Why?', probes: 'uniform' }] });
    expect(scoreAnswer('With synchronous replication a failover loses nothing.', own).points[0]!.covered).toBe(true);
  });

  it('counts a phrase with its own negator as the denial a "not" alternative needs', () => {
    const rubric = [{ ...input.rubric[0]!, match: [{ not: [['no longer sends'], ['drained server']] }] }, input.rubric[1]!];
    const own = drillQuestionSchema.parse({ ...input, rubric, followUps: [{ prompt: 'Why?', probes: 'uniform' }] });
    expect(scoreAnswer('For a drained server the balancer no longer sends new requests.', own).points[0]!.covered).toBe(true);
  });

  it('ends a negation at the clause, so a later claim in the sentence still counts', () => {
    expect(covered("It isn't clever: servers are identical and requests cost the same.")).toContain('uniform');
    expect(covered('There is no magic, because the servers are identical and requests cost the same.')).toContain('uniform');
  });

  it('keeps evidence inside one clause: a contrast gives each side its own', () => {
    expect(covered('The servers are identical. Requests are expensive.')).not.toContain('uniform');
    expect(covered('The servers are identical, but the cost of a request varies wildly.')).not.toContain('uniform');
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

  it('quotes only the clause that makes the point', () => {
    const answer = 'Hashing is another story, but the servers are identical and requests cost the same.';
    expect(scoreAnswer(answer, question).points[0]!.quote?.text).toBe('but the servers are identical and requests cost the same.');
  });

  it('leaves missed points without a quote and reports their label and lesson', () => {
    const missed = scoreAnswer('Something else entirely.', question).points[3]!;
    expect(missed).toMatchObject({ id: 'hashing', covered: false, quote: null, label: 'Hashing keeps a key on its server', lesson: { slug: 'round-robin' } });
  });
});

describe('scoreAnswer: misconceptions', () => {
  it('reports a stated misconception with its clause, cancels its point and costs half its weight', () => {
    const answer = 'Round robin sends each request to the least loaded server. It balances the number of requests, not the load.';
    const result = scoreAnswer(answer, question);
    expect(result.misconceptions).toEqual([
      {
        id: 'rr-looks-at-load',
        pointId: 'counts-not-work',
        says: 'round robin looks at how busy each server is',
        correction: 'It never does: it takes turns whatever each server is doing.',
        lesson: { slug: 'round-robin' },
        quote: { text: 'Round robin sends each request to the least loaded server.', start: 0, end: 58 },
      },
    ]);
    expect(result.points.find((point) => point.id === 'counts-not-work')!.covered).toBe(false);
    expect(result.rawScore).toBe(0);
  });

  it('takes the penalty from what the rest of the answer earned', () => {
    const result = scoreAnswer('Use it when the servers are identical and requests cost the same. Round robin picks the server with the fewest connections.', question);
    expect(result.earned).toBe(3);
    expect(result.rawScore).toBeCloseTo((3 - 1) / 8);
  });

  it('does not read a denial of the misconception as the misconception', () => {
    expect(scoreAnswer("Round robin doesn't look at load or pick the least loaded server.", question).misconceptions).toEqual([]);
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
      'identical cost, ignore load, least connections vary, two choices, hash ring clockwise',
      '- identical cost\n- ignore load\n- least connections vary\n- hash ring',
    ]) {
      const result = scoreAnswer(bag, question);
      expect(result.rawScore).toBe(1);
      expect(result.cap).toEqual({ reason: 'keyword-list', limit: CAPPED_SCORE });
      expect(result.score).toBe(CAPPED_SCORE);
    }
  });

  it('caps a keyword list padded with function words: it still spends only a few words per point', () => {
    const padded = 'The identical cost, the ignore load, the least connections vary, the two choices, the hash ring clockwise.';
    const result = scoreAnswer(padded, question);
    expect(result.words / result.points.filter((point) => point.covered).length).toBeLessThan(MIN_WORDS_PER_POINT);
    expect(result.cap?.reason).toBe('keyword-list');
    expect(result.score).toBeLessThanOrEqual(CAPPED_SCORE);
  });

  it('does not cap terse bullets that state each point', () => {
    const bullets = '- Fine when servers are identical and requests cost the same.\n- It ignores load entirely.\n- Use least connections once costs vary.';
    const result = scoreAnswer(bullets, question);
    expect(result.cap).toBeNull();
    expect(result.score).toBeCloseTo(6 / 8);
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
