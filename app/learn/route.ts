import { htmlResponse, outlinePageHtml } from './_static/static-pages';

// Prerendered at build time: a static page with no framework runtime (README, "Lesson pages").
export const dynamic = 'force-static';

export async function GET() {
  return htmlResponse(await outlinePageHtml());
}
