import { NextResponse, type NextRequest } from 'next/server';
import { nextStepOf } from '@/lib/progress/readiness';
import { readingLearnerId } from '@/server/learners/identity';
import { fetchReadiness } from '@/server/learners/readiness';

/** The returning learner's next step, for the home page (the full picture is /progress). */
export async function GET(request: NextRequest) {
  const readiness = await fetchReadiness(await readingLearnerId(request));
  return NextResponse.json(nextStepOf(readiness), { headers: { 'Cache-Control': 'no-store' } });
}
