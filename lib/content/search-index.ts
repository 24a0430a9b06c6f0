import type { Options, SearchResult } from 'minisearch';

/** What a search result is; the dialog groups results by it, in this order. */
export const SEARCH_KINDS = ['lesson', 'exercise', 'drill', 'scenario'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_KIND_LABELS: Readonly<Record<SearchKind, string>> = { lesson: 'Lessons', exercise: 'Exercises', drill: 'Interview questions', scenario: 'Lab scenarios' };

/** One searchable unit: a lesson's section (so a hit lands on its heading), an exercise, a drill question or a lab scenario. */
export interface SearchDocument {
  id: string;
  kind: SearchKind;
  /** Where the hit goes: a path on this site. */
  href: string;
  title: string;
  /** A lesson section's heading; otherwise a line of context ("Round robin · Easy"). */
  heading: string;
  text: string;
}

export type SearchHit = SearchResult & Pick<SearchDocument, 'kind' | 'href' | 'title' | 'heading' | 'text'>;

/** Shared by the index builder (server, at build time) and the search dialog (browser). */
export const searchOptions: Options<SearchDocument> = {
  fields: ['title', 'heading', 'text'],
  // The text is stored so a result can show the words around its match.
  storeFields: ['kind', 'href', 'title', 'heading', 'text'],
  searchOptions: { boost: { title: 3, heading: 2 }, prefix: true, fuzzy: 0.2, combineWith: 'AND' },
};

/** A piece of a snippet: `marked` pieces are the words the search matched. */
export interface SnippetPart {
  text: string;
  marked: boolean;
}

const SNIPPET_LENGTH = 160;
const escape = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The words around the first match in `text`, about `length` characters, split so the matched
 * words (minisearch's `terms`: the document's own forms, prefixes and fuzzy matches resolved) can
 * be highlighted. Without a match in the text (a title hit), the text's start.
 */
export function snippet(text: string, terms: readonly string[], length = SNIPPET_LENGTH): SnippetPart[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const pattern = terms.length ? new RegExp(`\\b(${[...terms].sort((a, b) => b.length - a.length).map(escape).join('|')})\\w*`, 'gi') : null;
  const first = pattern ? flat.search(pattern) : -1;
  let start = first < 0 ? 0 : Math.max(0, first - Math.floor(length / 3));
  if (start > 0) start = flat.indexOf(' ', start) + 1 || start;
  let end = Math.min(flat.length, start + length);
  if (end < flat.length) end = flat.lastIndexOf(' ', end) > start ? flat.lastIndexOf(' ', end) : end;
  const window = flat.slice(start, end);
  const parts: SnippetPart[] = [];
  if (start > 0) parts.push({ text: '…', marked: false });
  let at = 0;
  for (const match of pattern ? window.matchAll(pattern) : []) {
    if (match.index > at) parts.push({ text: window.slice(at, match.index), marked: false });
    parts.push({ text: match[0], marked: true });
    at = match.index + match[0].length;
  }
  if (at < window.length) parts.push({ text: window.slice(at), marked: false });
  if (end < flat.length) parts.push({ text: '…', marked: false });
  return parts;
}
