import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { percent } from '@/app/ui/drills/format';
import { LocalTime } from '@/app/ui/drills/local-time';
import { QuestionResult, TopicScores } from '@/app/ui/drills/mock-summary';
import { currentLearnerId } from '@/server/learners/identity';
import { ApiError } from '@/server/http/api-error';
import { fetchMockSummary } from '@/server/drills/mock-history';

export const metadata: Metadata = { title: 'Mock interview summary' };

async function summaryOr404(sessionId: string) {
  try {
    return await fetchMockSummary(await currentLearnerId(), sessionId);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    // An unfinished interview has no summary yet: the interview page resumes it.
    if (error.status === 409 && error.details?.status === 'active') redirect('/drills/mock');
    notFound();
  }
}

export default async function MockSummaryPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const summary = await summaryOr404((await params).sessionId);
  return (
    <>
      <h1>Mock interview summary</h1>
      <p className="muted">
        Finished <LocalTime iso={summary.endedAt ?? summary.startedAt} /> · {summary.questions.length} question{summary.questions.length === 1 ? '' : 's'}
      </p>
      <p className="score-line" data-testid="mock-score">
        <strong className="score">{percent(summary.score)}</strong> of the rubric covered over the whole interview.
      </p>
      <p className="drill-actions">
        <Link href="/drills/mock" className="button primary">
          Another mock interview
        </Link>
        <Link href="/drills/review" className="button">
          Review what you missed
        </Link>
      </p>
      <TopicScores topics={summary.topics} />
      {summary.questions.map((result) => (
        <QuestionResult key={result.position} result={result} />
      ))}
    </>
  );
}
