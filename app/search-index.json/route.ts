import MiniSearch from 'minisearch';
import { getCompiledCourse } from '@/server/content/lessons';
import { excerptOf, searchOptions, type SearchDocument } from '@/lib/content/search-index';

export const dynamic = 'force-static';

/** The full-text index of every lesson section, built once at build time and served as a static file. */
export async function GET() {
  const documents: SearchDocument[] = (await getCompiledCourse()).flatMap((lesson) =>
    lesson.outline.sections.map((section) => ({
      id: `${lesson.slug}#${section.slug}`,
      slug: lesson.slug,
      anchor: section.slug,
      lessonTitle: lesson.title,
      heading: section.heading || lesson.title,
      text: section.text,
      excerpt: excerptOf(section.text),
    })),
  );
  const index = new MiniSearch<SearchDocument>(searchOptions);
  index.addAll(documents);
  return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json' } });
}
