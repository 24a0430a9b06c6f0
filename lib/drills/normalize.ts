/**
 * Text normalisation for drills: words (for word counts), a minimal suffix stemmer (applied after
 * wink-nlp's lemmas, lib/drills/language.ts) and a sentence splitter that keeps offsets into the
 * original answer, so a match can be quoted back.
 * Pure: runs unchanged in the browser and on the server.
 */

/** A sentence of an answer, with its place in the original text. */
export interface Sentence {
  /** The sentence as written, trimmed, without a leading list marker. */
  text: string;
  /** Offsets of `text` in the original string: `original.slice(start, end) === text`. */
  start: number;
  end: number;
}

// Spelling variants that would otherwise never meet: "utilisation" ~ "utilization".
const BRITISH_IZE = /^(optim|priorit|minim|maxim|normal|serial|initial|real|util|central|organ|recogn|summar|synchron|author|custom|categor|special|standard|random|capital|visual|local|virtual)is(e|es|ed|ing|ation|ations)$/;
const IRREGULAR: Readonly<Record<string, string>> = {
  used: 'use', uses: 'use', using: 'use', apis: 'api', uris: 'uri', behaviour: 'behavior', behaviours: 'behavior',
  favour: 'favor', centre: 'center', centres: 'center', analyse: 'analyze', analysed: 'analyze',
  // "note" would stem to "not", a negator's key.
  note: 'note', notes: 'note', noted: 'note',
};
const NO_STEM = new Set(['https', 'redis', 'always', 'perhaps', 'chaos', 'kubernetes', 'news', 'series', 'canvas', 'lens', 'bias', 'alias', 'status', 'ingress', 'egress', 'across', 'unless']);
const DOUBLE_CONSONANT = /([b-df-hj-km-np-rt-vx-z])\1$/; // not l, s, z: "falling" -> "fall", "passing" -> "pass"

/**
 * A minimal suffix stemmer: plurals (-s, -es, -ies), -ing, -ed, a final -e, a doubled final
 * consonant and a final consonant + y, so "servers" ~ "server", "hashing" ~ "hash",
 * "routes" ~ "routing", "pinned" ~ "pin", "proxies" ~ "proxy". It is deliberately far smaller
 * than Porter's algorithm (whose step 1 it resembles): rubric authors list real synonyms, and
 * the stemmer only has to stop inflection from hiding a match. The answer and the rubric go
 * through the same function, so over-stemming ("cache" -> "cach") is harmless as long as it is
 * consistent. Numbers and words shorter than four letters are left alone.
 */
export function stem(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular !== undefined) return irregular;
  if (word.length < 4 || !/^[a-z]+$/.test(word) || NO_STEM.has(word)) return word;
  let w = word.replace(BRITISH_IZE, '$1iz$2');
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  let stripped = false;
  if (w.endsWith('ing') && w.length - 3 >= 3 && hasVowel(w.slice(0, -3))) {
    w = w.slice(0, -3);
    stripped = true;
  } else if (w.endsWith('ed') && w.length - 2 >= 3 && hasVowel(w.slice(0, -2))) {
    w = w.slice(0, -2);
    stripped = true;
  }
  if (stripped && w.length >= 4 && DOUBLE_CONSONANT.test(w)) w = w.slice(0, -1);
  if (w.length >= 4 && w.endsWith('e') && !w.endsWith('ee')) w = w.slice(0, -1);
  if (w.length >= 4 && /[^aeiou]y$/.test(w)) w = `${w.slice(0, -1)}i`;
  return w;
}

function hasVowel(text: string): boolean {
  return /[aeiouy]/.test(text);
}

const WORD = /\d+(?:\.\d+)?|\p{L}+/gu;

/** Abbreviations people type in answers, read as the words they stand for ("LB" is "load balancer"). */
const EXPANSIONS: Readonly<Record<string, string>> = {
  lb: 'load balancer',
  lbs: 'load balancers',
  spof: 'single point of failure',
  p2c: 'power of two choices',
  az: 'availability zone',
  azs: 'availability zones',
  db: 'database',
  dbs: 'databases',
  k8s: 'kubernetes',
  rps: 'requests per second',
};
const ABBREVIATION = new RegExp(`\\b(?:${Object.keys(EXPANSIONS).join('|')})\\b`, 'g');

/**
 * Lower-cased words and numbers of a text: accents and apostrophes removed ("don't" -> "dont"),
 * digit-group commas dropped ("1,000" -> "1000"), "%" read as "percent", a few abbreviations
 * spelled out ("LB" -> "load balancer", "SPOF", "DB"), letters split from digits ("60s" -> "60",
 * "s"; "HTTP/2" -> "http", "2"), every other character a separator.
 */
export function words(text: string): string[] {
  const prepared = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/(\p{L})['’](\p{L})/gu, '$1$2')
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
    .replace(/%/g, ' percent ')
    .replace(ABBREVIATION, (abbreviation) => EXPANSIONS[abbreviation] ?? abbreviation);
  return prepared.match(WORD) ?? [];
}

/** Number of words and numbers in a text. */
export function countWords(text: string): number {
  return words(text).length;
}

const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'cf', 'approx', 'incl', 'fig', 'mr', 'ms', 'dr', 'no']);
const LIST_MARKER = /^(?:[-*+•]|\d+[.)])\s+/;

/**
 * Splits an answer into sentences. A sentence ends at a line break (so each list item and
 * paragraph stands alone) or at `.`, `!` or `?` followed by a space or the end of the text,
 * unless the word before is an abbreviation such as "e.g." A decimal point ("3.6 s") never
 * ends a sentence because no space follows it. Pieces without a single word are dropped.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const piece = trimmedRange(text, start, end);
    start = end;
    if (!piece) return;
    const sentenceText = text.slice(piece.start, piece.end);
    if (words(sentenceText).length === 0) return;
    sentences.push({ text: sentenceText, start: piece.start, end: piece.end });
  };

  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (ch === '\n') {
      push(i);
    } else if (ch === '.' || ch === '!' || ch === '?') {
      let end = i + 1;
      while (end < text.length && /[.!?"'’”)\]*_]/.test(text[end]!)) end += 1;
      if (end < text.length && !/\s/.test(text[end]!)) continue;
      if (ch === '.' && (isAbbreviation(text, i) || /^\s*\d+$/.test(text.slice(start, i)))) continue; // "e.g." or a "2." list marker
      push(end);
      i = end - 1;
    }
  }
  push(text.length);
  return sentences;
}

function isAbbreviation(text: string, dot: number): boolean {
  const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 8), dot));
  return before !== null && ABBREVIATIONS.has(before[1]!.toLowerCase());
}

function trimmedRange(text: string, from: number, to: number): { start: number; end: number } | null {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(text[start]!)) start += 1;
  while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
  const marker = LIST_MARKER.exec(text.slice(start, end));
  if (marker) start += marker[0].length;
  return start < end ? { start, end } : null;
}
