/**
 * The rubric points learners most often disputed ("I covered this"), with how many confirmed it
 * against the model answer and a few of their answers' texts: where a rubric is likeliest to miss
 * a right answer. Reads the database DATABASE_URL names (the site's SQLite file by default).
 * Usage: npm run drill:disputes [-- --top 20]
 */
import { loadDrillBank } from '@/content/drills/bank';
import { rankDisputedPoints } from '@/lib/drills/dispute-report';
import { rubricVersion } from '@/lib/drills/rubric-version';
import { createDatabaseClient } from '@/server/db/database-client';

const topAt = process.argv.indexOf('--top');
const top = topAt > 0 ? Number(process.argv[topAt + 1]) || 20 : 20;
const db = createDatabaseClient();
const bank = loadDrillBank();

async function main(): Promise<void> {
  const disputes = await db.drillDispute.findMany({ select: { questionId: true, pointId: true, confirmed: true, rubricVersion: true } });
  const ranked = rankDisputedPoints(disputes).slice(0, top);
  if (ranked.length === 0) console.log('No disputed points yet.');
  for (const row of ranked) {
    const question = bank.questionsById.get(row.questionId);
    const label = question?.rubric.find((point) => point.id === row.pointId)?.label ?? '(point no longer in the rubric)';
    const current = question && row.rubricVersions.includes(rubricVersion(question)) ? 'current rubric' : 'earlier rubric only';
    console.log(`${String(row.disputes).padStart(4)} disputed, ${String(row.confirmed).padStart(4)} confirmed  ${row.questionId} / ${row.pointId} (${current})`);
    console.log(`      ${label}`);
    const samples = await db.drillAttempt.findMany({ where: { disputes: { some: { pointId: row.pointId, confirmed: true } }, questionId: row.questionId }, select: { answer: true }, take: 3, orderBy: { createdAt: 'desc' } });
    for (const sample of samples) console.log(`      > ${sample.answer.replace(/\s+/g, ' ').slice(0, 160)}`);
  }
}

main().finally(() => db.$disconnect());
