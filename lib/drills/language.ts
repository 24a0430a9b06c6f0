/**
 * Reading an answer as language: sentences, clauses, lemmas and negation. wink-nlp (with its
 * lite web model: pure JavaScript, ~4 MB, no fs, no download) supplies tokens, lemmas and parts
 * of speech; this module adds what a rubric needs on top: one comparison key per word (lemma,
 * then a light stem, then a synonym group), clause boundaries, and a negation scope that ends
 * where the clause does. The answer and every rubric phrase go through the same functions.
 */
import winkNLP, { type ItemToken, type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { splitSentences, stem } from './normalize';
import { SYNONYM_GROUPS } from './thesaurus';

const nlp = winkNLP(model, ['pos']);
const its = nlp.its;
// wink-nlp 2.4's typings declare `its.lemma` with a signature `out()` does not accept; it works at run time.
const lemmaOf = its.lemma as unknown as ItsFunction<string>;

/** A word of an answer, as the rubric compares it. */
export interface Token {
  /** Lemma, stemmed, folded into its synonym group: "backends" and "servers" both read "server". */
  key: string;
  /** True when a negator ("not", "never", "no", "without"...) earlier in its clause governs the word. */
  negated: boolean;
  /** True for common function words ("the", "of", "is"). */
  functionWord: boolean;
  /** True for a negator itself ("not", "never"): a phrase that contains one carries its own negation. */
  negator: boolean;
  /** Negated by a negation after it ("X isn't needed", "decrypts nothing") rather than before. */
  negatedBackward: boolean;
  /** Which comma- or colon-separated stretch of the clause the word is in: a phrase never spans two. */
  segment: number;
}

/** One clause of an answer: a sentence, or the part of one on one side of "but", "whereas", ";". */
export interface Clause {
  /** The clause reports a belief rather than asserting it ("people think...", "a common myth is..."): it states nothing. */
  reported: boolean;
  text: string;
  /** Offsets into the answer: `answer.slice(start, end) === text`. */
  start: number;
  end: number;
  tokens: Token[];
}

/** Words that negate what follows them in their clause (and "instead of", "rather than"). */
const NEGATORS = new Set(['not', "n't", 'never', 'no', 'without', 'nothing', 'none', 'neither', 'nor', 'cannot', 'nobody', 'nowhere', 'hardly', 'lack', 'lacks', 'lacking']);
/** Negators that govern a noun phrase, not the rest of the clause: their scope ends at the next verb after a noun. */
const PREPOSITIONAL_NEGATORS = new Set(['without', 'instead', 'rather']);
/** After "X isn't needed", the negation reaches back to X: these predicates deny their subject. */
const DENYING_PREDICATES = new Set(['need', 'needed', 'require', 'required', 'necessary', 'matter', 'useful', 'enough', 'possible', 'true', 'worth', 'help', 'achievable', 'feasible', 'realistic', 'practical']);
/** "Nothing wrong with X", "no problem with X", "no doubt": a negator that affirms what follows. */
const AFFIRMING_AFTER_NEGATOR = new Set(['wrong', 'problem', 'harm', 'issue', 'doubt']);
/** "No more than half", "no later than": a bound, not a denial. */
const COMPARATIVES_OF_BOUND = new Set(['more', 'less', 'fewer', 'later', 'earlier', 'greater']);
/** "Heartbeats are unnecessary": a predicate that denies its subject without a "not". */
const NEGATIVE_PREDICATES = new Set(['unnecessary', 'unneeded', 'pointless', 'useless', 'irrelevant', 'impossible', 'unachievable', 'unrealistic']);
const VERB_POS = new Set(['VERB', 'AUX']);
/** Words that mark a clause as reporting a belief, usually to refute it. */
const REPORTING_WORDS = new Set(['myth', 'misconception', 'mistake', 'wrongly', 'misconceive', 'contrary', 'misbelief', 'fallacy']);
/** "People think", "you might expect", "many assume": who holds the belief, then the verb of believing. */
const BELIEVERS = new Set(['people', 'some', 'many', 'folks', 'beginner', 'newcomer', 'candidate', 'everyone', 'most']);
const BELIEVING = new Set(['think', 'believe', 'assume', 'expect', 'claim', 'imagine', 'suppose']);
const NOUN_POS = new Set(['NOUN', 'PROPN', 'NUM']);
/** Words after which a negation no longer reaches: a new reason, result or contrast begins. */
const SCOPE_BREAKERS = new Set(['because', 'so', 'since', 'therefore', 'thus', 'as', 'then', 'if', 'when', 'unless', 'until']);
/** "and"/"or" end a negation only when a new subject follows ("doesn't check load and it rotates"), not a second verb ("doesn't pick two and send"). */
const COORDINATORS = new Set(['and', 'or']);
const SUBJECT_POS = new Set(['PRON', 'DET', 'NOUN', 'PROPN', 'NUM']);
/** Words that start a contrasting clause: evidence for a point never crosses them. */
const CLAUSE_BREAKERS = new Set(['but', 'whereas', 'however', 'although', 'though', 'unlike', 'yet', 'meanwhile', 'otherwise', 'conversely']);
/** Contrast words that also have a plain sense ("marked down while it boots"): they break a clause only after a comma. */
const CLAUSE_BREAKERS_AFTER_COMMA = new Set(['while']);
const CLAUSE_PUNCTUATION = new Set([';', '—', '–']);
const SCOPE_PUNCTUATION = new Set([',', ':', ';', '(', ')', '—', '–', '.', '!', '?']);

const FUNCTION_WORD_POS = new Set(['DET', 'ADP', 'AUX', 'CCONJ', 'SCONJ', 'PART', 'PRON']);

/** Abbreviations people type in answers, read as the words they stand for ("LB" is "load balancer"). */
const EXPANSIONS: Readonly<Record<string, readonly string[]>> = {
  lb: ['load', 'balancer'],
  lbs: ['load', 'balancer'],
  spof: ['single', 'point', 'of', 'failure'],
  p2c: ['power', 'of', 'two', 'choice'],
  az: ['availability', 'zone'],
  azs: ['availability', 'zone'],
  db: ['database'],
  dbs: ['database'],
  k8s: ['kubernetes'],
  rps: ['request', 'per', 'second'],
  qps: ['request', 'per', 'second'],
  conn: ['connection'],
  conns: ['connection'],
};

interface RawToken {
  text: string;
  lemma: string;
  pos: string;
  punctuation: boolean;
  start: number;
  end: number;
}

function normalise(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’‘]/g, "'");
}

/** wink's tokens of a piece of text with their offsets in it. Hyphens and slashes join words, so they are dropped. */
function rawTokens(original: string): RawToken[] {
  // Lower-cased, so a capital at the start of a sentence ("Media") lemmatises as the rubric's lower-case phrase does.
  const lower = original.toLowerCase();
  const text = lower.length === original.length ? lower : original;
  const doc = nlp.readDoc(text);
  const tokens: RawToken[] = [];
  let cursor = 0;
  doc.tokens().each((token: ItemToken) => {
    const surface = token.out();
    const at = text.indexOf(surface, cursor);
    const start = at >= 0 ? at : cursor;
    const end = at >= 0 ? at + surface.length : cursor;
    cursor = end;
    const type = token.out(its.type);
    if (surface === '-' || surface === '/' || surface === '_' || surface === "'s" || surface === '’s') return;
    tokens.push({ text: normalise(surface), lemma: normalise(String(token.out(lemmaOf))), pos: String(token.out(its.pos)), punctuation: type === 'punctuation', start, end });
  });
  return tokens;
}

/**
 * Words whose lemma wink gets wrong for this subject, read as written instead: "https" is not the
 * plural of "http", and "fewest" must stay apart from "a few". "%" reads as "percent".
 */
const READ_AS: Readonly<Record<string, string>> = { https: 'https', fewest: 'least', fewer: 'fewer', '%': 'percent' };

/** Lemma and stem of one wink token, before synonyms: usually one key, several for an abbreviation ("LB"). */
function baseKeys(token: RawToken): string[] {
  const expansion = EXPANSIONS[token.text];
  if (expansion) return expansion.map(stem);
  const word = READ_AS[token.text] ?? positiveDegree(token, token.lemma.replace(/[.,]/g, '') || token.text);
  // wink keeps unknown plurals as written ("backends"); the stemmer still folds them.
  return word.split(/[^\p{L}\p{N}']+/u).filter(Boolean).map((part) => stem(part.replace(/'/g, '')));
}

let canonical: Map<string, string> | undefined;

/** Each synonym's base key, mapped to its group's head, read through the same lemmatiser as answers. */
function canonicalKeys(): Map<string, string> {
  if (!canonical) {
    canonical = new Map();
    for (const group of SYNONYM_GROUPS) {
      const [head] = rawTokens(group[0]!).flatMap(baseKeys);
      for (const word of group) for (const key of rawTokens(word).flatMap(baseKeys)) canonical.set(key, head!);
    }
  }
  return canonical;
}

/** Comparison keys for one wink token: its base keys, folded into their synonym groups. */
function keysOf(token: RawToken): string[] {
  const groups = canonicalKeys();
  return baseKeys(token).map((key) => groups.get(key) ?? key);
}

/**
 * "slowest" and "busier" as "slow" and "busy": wink lemmatises a comparative or superlative
 * adjective in some contexts and not others, so a phrase could miss its own wording.
 */
function positiveDegree(token: RawToken, lemma: string): string {
  if (lemma !== token.text || (token.pos !== 'ADJ' && token.pos !== 'ADV') || lemma.length < 6) return lemma;
  const match = /^(.*?)(iest|ier|est|er)$/.exec(lemma);
  if (!match) return lemma;
  const base = match[2]!.startsWith('i') ? `${match[1]}y` : match[1]!;
  return /([b-df-hj-np-tv-z])\1$/.test(base) ? base.slice(0, -1) : base;
}

/** Comparison keys of a rubric phrase: the same pipeline an answer goes through, without negation. */
export function phraseKeys(text: string): string[] {
  return rawTokens(normalise(text)).filter((token) => !token.punctuation).flatMap(keysOf);
}

function clausesOfSentence(text: string, offset: number): Clause[] {
  const clauses: Clause[] = [];
  let current: { start: number; end: number; tokens: Token[] } | null = null;
  let negating = false;
  let prepositional = false;
  let sawNoun = false;
  // Where, in the clause's tokens, a backward negation ("X isn't needed") may reach from.
  let scopeStart = 0;
  let segment = 0;
  let reported = false;
  let opensWithUnlike = false;
  const close = () => {
    if (current && current.tokens.length > 0) clauses.push({ reported, text: text.slice(current.start, current.end), start: offset + current.start, end: offset + current.end, tokens: current.tokens });
    current = null;
    negating = false;
    scopeStart = 0;
    reported = false;
    opensWithUnlike = false;
  };
  const tokens = rawTokens(text);
  tokens.forEach((token, at) => {
    const previous = tokens[at - 1];
    if (token.punctuation) {
      // A dash between numbers is a range ("30–60 s"), not a clause break.
      const range = previous?.pos === 'NUM' && tokens[at + 1]?.pos === 'NUM';
      // "Unlike Layer 4, Layer 7 parses HTTP": the comma ends the clause about Layer 4.
      if ((CLAUSE_PUNCTUATION.has(token.text) && !range) || (opensWithUnlike && token.text === ',')) close();
      else if (SCOPE_PUNCTUATION.has(token.text)) negating = false;
      segment += 1;
      if (current) current.end = Math.max(current.end, token.end);
      return;
    }
    if (CLAUSE_BREAKERS.has(token.text) || (CLAUSE_BREAKERS_AFTER_COMMA.has(token.text) && previous?.text === ',')) close();
    if (SCOPE_BREAKERS.has(token.text) || (COORDINATORS.has(token.text) && SUBJECT_POS.has(tokens[at + 1]?.pos ?? ''))) {
      negating = false;
      scopeStart = current ? current.tokens.length + 1 : 0;
    }
    // "without a limit one customer can flood every server": the limit is negated, the flooding is not.
    if (negating && prepositional && sawNoun && VERB_POS.has(token.pos)) negating = false;
    if (!current) {
      current = { start: token.start, end: token.end, tokens: [] };
      opensWithUnlike = token.text === 'unlike';
    }
    current.end = token.end;
    if ((REPORTING_WORDS.has(token.lemma) && token.pos !== 'VERB') || (BELIEVING.has(token.lemma) && tokens.slice(Math.max(0, at - 3), at).some((before) => BELIEVERS.has(before.lemma) || before.text === 'you'))) reported = true;
    const multiword = (token.text === 'instead' && tokens[at + 1]?.text === 'of') || (token.text === 'rather' && tokens[at + 1]?.text === 'than');
    const next = tokens[at + 1];
    const affirming =
      ((token.text === 'nothing' || token.text === 'no') && AFFIRMING_AFTER_NEGATOR.has(next?.lemma ?? '')) ||
      (token.text === 'no' && COMPARATIVES_OF_BOUND.has(next?.text ?? '') && tokens[at + 2]?.text === 'than');
    const negator = !affirming && (multiword || NEGATORS.has(token.text) || NEGATORS.has(token.lemma));
    if (NEGATIVE_PREDICATES.has(token.text) && previous?.pos === 'AUX') negateBackwards(current.tokens, segment, scopeStart);
    for (const key of keysOf(token)) current.tokens.push({ key, negated: negating, negatedBackward: false, functionWord: FUNCTION_WORD_POS.has(token.pos) || negator, negator, segment });
    if (negating && NOUN_POS.has(token.pos)) sawNoun = true;
    if (negator && !negating) {
      negating = true;
      // "with no connections" negates the connections; "no health check is needed" negates the clause.
      prepositional = PREPOSITIONAL_NEGATORS.has(token.text) || (token.text === 'no' && previous?.pos === 'ADP');
      sawNoun = false;
      // "Shared counters aren't needed": the negation covers the subject before it.
      if (previous && VERB_POS.has(previous.pos) && denies(tokens, at)) negateBackwards(current.tokens, segment, scopeStart);
      // "The balancer decrypts nothing": the verb is denied, its subject is not.
      else if ((token.text === 'nothing' || token.text === 'none') && previous?.pos === 'VERB') negateBackwards(current.tokens, segment, current.tokens.length - 2);
    }
  });
  close();
  return clauses.map(trimClause);
}

/** True when the negator at `at` denies a predicate such as "needed" or "matter" within the next two words. */
function denies(tokens: readonly RawToken[], at: number): boolean {
  return tokens.slice(at + 1, at + 3).some((token) => DENYING_PREDICATES.has(token.text) || DENYING_PREDICATES.has(token.lemma));
}

/** "Shared counters aren't needed": the words before the negator, in its stretch of the clause, are denied too. */
function negateBackwards(tokens: Token[], segment: number, from: number): void {
  for (let i = tokens.length - 1; i >= from && tokens[i]!.segment === segment; i -= 1) {
    if (!tokens[i]!.negator && !tokens[i]!.negated) {
      tokens[i]!.negated = true;
      tokens[i]!.negatedBackward = true;
    }
  }
}

/** Drops trailing punctuation a clause picked up ("round robin ignores load," -> without the comma). */
function trimClause(clause: Clause): Clause {
  const trimmed = clause.text.replace(/[\s,;:]+$/u, '');
  return trimmed.length === clause.text.length ? clause : { ...clause, text: trimmed, end: clause.start + trimmed.length };
}

/** The clauses of an answer, in order, each with its tokens and its place in the text. */
export function readClauses(answer: string): Clause[] {
  return splitSentences(answer).flatMap((sentence) => clausesOfSentence(sentence.text, sentence.start));
}
