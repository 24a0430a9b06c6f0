import type { Options, SearchResult } from 'minisearch';

/** One searchable unit: a lesson's section, so a hit lands on the right heading. */
export interface SearchDocument {
  id: string;
  slug: string;
  anchor: string;
  lessonTitle: string;
  heading: string;
  text: string;
  excerpt: string;
}

export type SearchHit = SearchResult & Pick<SearchDocument, 'slug' | 'anchor' | 'lessonTitle' | 'heading' | 'excerpt'>;

/** Shared by the index builder (server, at build time) and the search dialog (browser). */
export const searchOptions: Options<SearchDocument> = {
  fields: ['lessonTitle', 'heading', 'text'],
  storeFields: ['slug', 'anchor', 'lessonTitle', 'heading', 'excerpt'],
  searchOptions: { boost: { lessonTitle: 3, heading: 2 }, prefix: true, fuzzy: 0.2, combineWith: 'AND' },
};

const EXCERPT_LENGTH = 160;

/** The first sentence or so of a section, for the result list. */
export function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT_LENGTH ? flat : `${flat.slice(0, EXCERPT_LENGTH).replace(/\s\S*$/, '')}…`;
}
