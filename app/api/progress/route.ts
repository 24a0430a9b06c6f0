import { NextResponse, type NextRequest } from 'next/server';
import { readingLearnerId } from '@/server/learners/identity';
import { fetchProgress } from '@/server/learners/progress';

export async function GET(request: NextRequest) {
  const snapshot = await fetchProgress(await readingLearnerId(request));
  return NextResponse.json(snapshot, { headers: { 'Cache-Control': 'no-store' } });
}
