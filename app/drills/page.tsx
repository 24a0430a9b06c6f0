import type { Metadata } from 'next';
import Link from 'next/link';
import { MasteryTable } from '@/app/ui/drills/mastery-table';
import { MockHistoryList } from '@/app/ui/drills/mock-history-list';
import { EntryPoints, OverviewStats } from '@/app/ui/drills/overview-stats';
import { currentLearnerId } from '@/server/learners/identity';
import { fetchDrillOverview } from '@/server/drills/overview';

export const metadata: Metadata = {
  title: 'Interview drills',
  description: 'Practise saying load-balancing answers: rubric feedback, timed mock interviews and spaced review.',
};

export default async function DrillsPage() {
  const overview = await fetchDrillOverview(await currentLearnerId());
  return (
    <>
      <h1>Interview drills</h1>
      <p className="drills-intro">Practise saying the answers, not only reading them. Every answer is scored against a rubric of the points an interviewer listens for.</p>
      {overview.activeMock && (
        <p className="notice" data-testid="active-mock-notice">
          You have a mock interview in progress (question {overview.activeMock.position + 1} of {overview.activeMock.questionCount}).{' '}
          <Link href="/drills/mock">{overview.activeMock.abandoned ? 'Resume or discard it' : 'Continue it'}</Link>
        </p>
      )}
      {!overview.started && (
        <p className="notice" data-testid="drills-empty">
          Nothing here yet. <Link href="/drills/practice?order=weakest">Answer your first question</Link>: your mastery, review cards and streak start from there. Lesson quiz answers count too.
        </p>
      )}
      <OverviewStats overview={overview} />
      <EntryPoints />
      <MasteryTable topics={overview.topics} />
      <MockHistoryList items={overview.history} />
    </>
  );
}
