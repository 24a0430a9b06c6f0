import type { Metadata } from 'next';
import Link from 'next/link';
import { ReadinessSummary } from '@/app/ui/progress/readiness-summary';
import { ReadinessTable } from '@/app/ui/progress/readiness-table';
import { currentLearnerId } from '@/server/learners/identity';
import { fetchReadiness } from '@/server/learners/readiness';

export const metadata: Metadata = { title: 'How ready are you', description: 'Your lessons, quizzes, exercises, drills and reviews, per topic, in one place.' };

export default async function ProgressPage() {
  const readiness = await fetchReadiness(await currentLearnerId());
  return (
    <main id="main" className="page progress-page">
      <h1>How ready are you</h1>
      {!readiness.started && (
        <p className="notice" data-testid="progress-empty">
          Nothing here yet. Everything you do is saved in this browser, no account needed: <Link href="/learn">read a lesson</Link>, <Link href="/exercises">solve an exercise</Link>,{' '}
          <Link href="/drills/practice?order=weakest">answer an interview question</Link> or <Link href="/lab">try the lab</Link>, and this page shows how ready you are, topic by topic.
        </p>
      )}
      <ReadinessSummary readiness={readiness} />
      <h2>By topic</h2>
      <p className="muted">
        A topic’s readiness is the plain average of what it has: the lesson marked complete (0 or 1), the share of its quiz answered right, the share of its exercises accepted, and your drill mastery on it. Each row says what went in.
      </p>
      {readiness.modules.map((courseModule) => (
        <ReadinessTable key={courseModule.id} title={courseModule.title} id={courseModule.id} topics={courseModule.topics} />
      ))}
    </main>
  );
}
