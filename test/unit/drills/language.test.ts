import { describe, expect, it } from 'vitest';
import { phraseKeys, readClauses } from '@/lib/drills/language';

const clauses = (text: string) => readClauses(text).map((clause) => clause.text);
const negatedWords = (text: string) => readClauses(text).flatMap((clause) => clause.tokens.filter((token) => token.negated).map((token) => token.key));

describe('reading an answer into clauses', () => {
  it('splits sentences at contrast words and semicolons, keeping offsets into the answer', () => {
    const answer = 'Layer 4 reads the 5-tuple, whereas Layer 7 parses HTTP; both balance.';
    expect(clauses(answer)).toEqual(['Layer 4 reads the 5-tuple', 'whereas Layer 7 parses HTTP', 'both balance.']);
    for (const clause of readClauses(answer)) expect(answer.slice(clause.start, clause.end)).toBe(clause.text);
  });

  it('splits at "while" only after a comma, where it contrasts; a plain "while" stays in its clause', () => {
    expect(clauses('It is marked down while it is still booting.')).toEqual(['It is marked down while it is still booting.']);
    expect(clauses('Layer 4 is cheap, while Layer 7 reads HTTP.')).toEqual(['Layer 4 is cheap', 'while Layer 7 reads HTTP.']);
  });

  it('treats each line of a list as its own sentence', () => {
    expect(clauses('- rotates in order\n- ignores load')).toEqual(['rotates in order', 'ignores load']);
  });
});

describe('negation', () => {
  it('covers the words after a negator up to a comma, colon or a new reason', () => {
    expect(negatedWords("It doesn't check load, so slow servers pile up.")).toEqual(phraseKeys('check load'));
    expect(negatedWords('Round robin is not load-aware: it rotates.')).toEqual(phraseKeys('load aware'));
    expect(negatedWords('No health check is needed because it spreads load.')).toEqual(phraseKeys('health check is needed'));
  });

  it('reads "instead of" as a negation of what follows, and a plain "instead" as none', () => {
    expect(negatedWords('Use least connections instead of round robin.')).toEqual(phraseKeys('of round robin'));
    expect(negatedWords('Instead the server closes its sockets itself.')).toEqual([]);
  });

  it('folds comparatives and superlatives however wink tags them', () => {
    expect(phraseKeys('our slowest normal request')).toEqual(phraseKeys('our slow normal request'));
    expect(phraseKeys('the busiest server')).toEqual(phraseKeys('the busy server'));
  });

  it('reads never, without and nothing as negators', () => {
    expect(negatedWords('It never moves keys.')).toEqual(phraseKeys('moves keys'));
    expect(negatedWords('Without a second balancer.')).toEqual(phraseKeys('a second balancer'));
  });
});

describe('comparison keys', () => {
  it('fold inflection, abbreviations and the thesaurus the same way for answers and rubric phrases', () => {
    expect(phraseKeys('the fewest backends')).toEqual(phraseKeys('the least servers'));
    expect(phraseKeys('LBs')).toEqual(['load', 'balancer']);
    expect(phraseKeys('round-robin')).toEqual(phraseKeys('round robin'));
  });
});

describe('reported beliefs', () => {
  it('marks a clause that reports a belief, and not the clause that refutes it', () => {
    const read = readClauses('People think a layer 4 balancer spreads gRPC calls, but it pins them to one backend.');
    expect(read.map((clause) => clause.reported)).toEqual([true, false]);
    expect(readClauses('That every key moves is a common myth.')[0]!.reported).toBe(true);
    expect(readClauses('You might expect the most specific rule to win.')[0]!.reported).toBe(true);
    expect(readClauses('I think round robin fits here.')[0]!.reported).toBe(false);
  });

  it('ends an opening "unlike" phrase at its comma', () => {
    expect(readClauses('Unlike Layer 4, Layer 7 parses HTTP.').map((clause) => clause.text)).toEqual(['Unlike Layer 4', 'Layer 7 parses HTTP.']);
  });
});

describe('negation scope across coordination and noun phrases', () => {
  it('carries a negation over "and" into a second verb, and stops it at a new subject', () => {
    expect(negatedWords('It does not pick two at random and send to the idle one.')).toEqual(phraseKeys('pick two at random and send to the idle one'));
    expect(negatedWords("It doesn't check load and it just rotates.")).toEqual(phraseKeys('check load'));
  });

  it('ends "no" and "without" at the verb after their noun phrase', () => {
    expect(negatedWords('A new server with no connections gets flooded.')).toEqual(phraseKeys('connections'));
  });

  it('reaches back to the subject of "isn\'t needed", but not across "and"', () => {
    expect(negatedWords("Shared counters aren't needed.")).toEqual(phraseKeys('shared counters are needed'));
    expect(negatedWords("The owner gets hammered and the ring isn't enough.")).toEqual(phraseKeys('the ring is enough'));
  });
});

describe('negators that affirm', () => {
  it('reads "nothing wrong with" and "no doubt" as no negation', () => {
    expect(negatedWords('There is nothing wrong with keeping sessions on the server.')).toEqual([]);
    expect(negatedWords('No doubt it keeps sessions.')).toEqual([]);
  });

  it('reaches back to the subject of "aren\'t really achievable"', () => {
    expect(negatedWords("Stateless servers aren't really achievable.")).toEqual(phraseKeys('stateless servers are really achievable'));
  });
});

describe('a negation after the verb', () => {
  it('reads "decrypts nothing" as not decrypting', () => {
    expect(negatedWords('With pass-through the balancer decrypts nothing.')).toEqual(phraseKeys('decrypts'));
  });
});

describe('bounds, ranges and negative predicates', () => {
  it('keeps a numeric range in one clause', () => {
    expect(clauses('Set the grace period to 30–60 s.')).toEqual(['Set the grace period to 30–60 s.']);
  });

  it('reads "no more than" as a bound, not a denial', () => {
    expect(negatedWords('Run each region at no more than half capacity.')).toEqual([]);
  });

  it('reads "are unnecessary" as denying its subject', () => {
    expect(negatedWords('Heartbeats are unnecessary.')).toEqual(phraseKeys('heartbeats are'));
  });
});
