import { runnerBundle } from '@/server/exercises/runner-bundle';

// Bundled at build time; the runner iframe and its workers load it from here.
export const dynamic = 'force-static';

export async function GET() {
  return new Response(await runnerBundle(), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=0, must-revalidate', 'X-Content-Type-Options': 'nosniff' },
  });
}
