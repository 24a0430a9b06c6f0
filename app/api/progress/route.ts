import { NextResponse, type NextRequest } from 'next/server';
import { readingLearnerId } from '@/lib/server/learner-identity';
import { fetchProgress } from '@/lib/server/progress';

export async function GET(request: NextRequest) {
  const snapshot = await fetchProgress(await readingLearnerId(request));
  return NextResponse.json(snapshot, { headers: { 'Cache-Control': 'no-store' } });
}
