import { NextResponse, type NextRequest } from 'next/server';
import { LEARNER_COOKIE, learnerIdFrom } from '@/lib/server/learner-cookie';
import { fetchProgress } from '@/lib/server/progress';

export async function GET(request: NextRequest) {
  const snapshot = await fetchProgress(learnerIdFrom(request.cookies.get(LEARNER_COOKIE)?.value));
  return NextResponse.json(snapshot, { headers: { 'Cache-Control': 'no-store' } });
}
