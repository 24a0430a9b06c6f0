import MiniSearch from 'minisearch';
import { searchOptions, type SearchDocument } from '@/lib/content/search-index';
import { searchDocuments } from '@/server/content/search-documents';

export const dynamic = 'force-static';

/** The full-text index of lessons, exercises, drill questions and lab scenarios, built once at build time and served as a static file. */
export async function GET() {
  const index = new MiniSearch<SearchDocument>(searchOptions);
  index.addAll(await searchDocuments());
  return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json' } });
}
