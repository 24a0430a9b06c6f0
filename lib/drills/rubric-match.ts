/**
 * Where, in an answer's clauses, a rubric alternative is stated. A phrase matches as its words in
 * order with at most MAX_GAP other words between neighbours ("fewest open connections" matches
 * "fewest connections"); a term matches when any of its phrases does; an alternative holds in a
 * clause when every term does. Polarity decides which occurrences count: an affirmative
 * alternative needs each term said without a negation over it, a negated one ("doesn't look at
 * load") needs the terms present with at least one of them negated.
 */
import type { Clause, Token } from './language';

/** Words allowed between two words of a phrase. */
export const MAX_GAP = 2;

export type Phrase = readonly string[];
export type Term = readonly Phrase[];
export interface Alternative {
  terms: readonly Term[];
  negated: boolean;
}

interface Occurrence {
  negated: boolean;
  /** The phrase says its own negation ("no downtime") and nothing outside negates it. */
  ownNegation: boolean;
  /** Index of the phrase's first word in the clause. */
  at: number;
}

const positionIndexes = new WeakMap<readonly Token[], Map<string, number[]>>();

/** Where each key occurs in a clause, built once per clause: phrase lookups start only where their first word is. */
function positionsOf(tokens: readonly Token[]): Map<string, number[]> {
  let index = positionIndexes.get(tokens);
  if (!index) {
    index = new Map();
    tokens.forEach((token, at) => {
      const list = index!.get(token.key);
      if (list) list.push(at);
      else index!.set(token.key, [at]);
    });
    positionIndexes.set(tokens, index);
  }
  return index;
}

/**
 * Each place the phrase occurs, and whether a negation governs it. A phrase that contains its own
 * negator ("no downtime", "not enough") is negated only by a negation from before it.
 */
function occurrencesOf(tokens: readonly Token[], phrase: Phrase): Occurrence[] {
  const found: Occurrence[] = [];
  for (const i of positionsOf(tokens).get(phrase[0]!) ?? []) {
    let at = i;
    let negated = tokens[i]!.negated;
    let carriesNegator = tokens[i]!.negator;
    let complete = true;
    for (let p = 1; p < phrase.length; p += 1) {
      let next = -1;
      for (let j = at + 1; j <= Math.min(tokens.length - 1, at + 1 + MAX_GAP); j += 1) {
        if (tokens[j]!.segment !== tokens[i]!.segment) break;
        if (tokens[j]!.key === phrase[p]) {
          next = j;
          break;
        }
      }
      if (next < 0) {
        complete = false;
        break;
      }
      at = next;
      carriesNegator ||= tokens[next]!.negator;
      negated ||= tokens[next]!.negated;
    }
        // "lose nothing" is itself the denial: only a negation from before the phrase turns it around.
    const outside = tokens[i]!.negated && !tokens[i]!.negatedBackward;
    if (complete) found.push({ negated: carriesNegator ? outside : negated, ownNegation: carriesNegator && !outside, at: i });
  }
  return found;
}

function termOccurrences(tokens: readonly Token[], term: Term): Occurrence[] {
  return term.flatMap((phrase) => occurrencesOf(tokens, phrase));
}

/**
 * True when the clause states the alternative with the alternative's polarity. A negated
 * alternative needs one of its terms under a negation, and every other term either negated too or
 * said before it: "browsers don't cache a 302, and that difference matters" does not deny that
 * the difference matters; "stickiness moves the user, not the data" does deny moving the data.
 */
export function clauseStates(clause: Clause, alternative: Alternative): boolean {
  const perTerm = alternative.terms.map((term) => termOccurrences(clause.tokens, term));
  if (perTerm.some((found) => found.length === 0)) return false;
  if (!alternative.negated) return perTerm.every((found) => found.some((occurrence) => !occurrence.negated));
  // A phrase with its own negator ("no longer sends") is a negated statement of its own.
  const denies = (occurrence: Occurrence) => occurrence.negated || occurrence.ownNegation;
  const negatedAt = perTerm.flatMap((found) => found.filter(denies).map((occurrence) => occurrence.at));
  if (negatedAt.length === 0) return false;
  const firstNegated = Math.min(...negatedAt);
  return perTerm.every((found) => found.some((occurrence) => denies(occurrence) || occurrence.at < firstNegated));
}

/** The first clause that states any of the alternatives, or null. A clause that only reports a belief ("people think...") states nothing. */
export function firstClauseStating(clauses: readonly Clause[], alternatives: readonly Alternative[]): Clause | null {
  return clauses.find((clause) => !clause.reported && alternatives.some((alternative) => clauseStates(clause, alternative))) ?? null;
}
