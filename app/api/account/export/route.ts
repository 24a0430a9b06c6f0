import { NextResponse } from 'next/server';
import { exportFileName } from '@/lib/account/export-schema';
import { handle } from '@/server/http/route-kit';
import { exportLearnerData } from '@/server/learners/data';

/** Everything stored for the learner, as a JSON download; a visitor with no data gets an empty file. */
export const GET = handle({ learner: 'read' }, async ({ learnerId }) => {
  const file = await exportLearnerData(learnerId);
  return new NextResponse(JSON.stringify(file), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${exportFileName(new Date(file.exportedAt), file.learner.timeZone)}"`,
      'Cache-Control': 'no-store',
    },
  });
});
