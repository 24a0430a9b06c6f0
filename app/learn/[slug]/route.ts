import { getCourse } from '@/server/content/lessons';
import { htmlResponse, lessonPageHtml } from '../_static/static-pages';

// Every lesson is prerendered at build time as static HTML with no framework runtime (README, "Lesson pages").
export const dynamic = 'force-static';
export const dynamicParams = false;

export async function generateStaticParams() {
  return (await getCourse()).lessons.map((lesson) => ({ slug: lesson.slug }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const html = await lessonPageHtml((await params).slug);
  return html ? htmlResponse(html) : new Response('Not found', { status: 404 });
}
