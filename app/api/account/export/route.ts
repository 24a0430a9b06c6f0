import { NextResponse, type NextRequest } from 'next/server';
import { exportFileName } from '@/lib/account/export-schema';
import { readingLearnerId } from '@/server/learners/identity';
import { exportLearnerData } from '@/server/learners/data';

/** Everything stored for the learner, as a JSON download; a visitor with no data gets an empty file. */
export async function GET(request: NextRequest) {
  const file = await exportLearnerData(await readingLearnerId(request));
  return new NextResponse(JSON.stringify(file), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${exportFileName(new Date(file.exportedAt), file.learner.timeZone)}"`,
      'Cache-Control': 'no-store',
    },
  });
}
