import { islandsBuild } from '@/app/learn/_static/islands-bundle';

// The static pages' scripts (app/learn/_static/islands-bundle.ts), written out at build time. Names carry a content hash.
export const dynamic = 'force-static';
export const dynamicParams = false;

export async function generateStaticParams() {
  return [...(await islandsBuild()).files.keys()].map((file) => ({ file }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const file = (await islandsBuild()).files.get((await params).file);
  if (!file) return new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(file.contents), {
    headers: { 'Content-Type': file.contentType, 'Cache-Control': 'public, max-age=31536000, immutable', 'X-Content-Type-Options': 'nosniff' },
  });
}
