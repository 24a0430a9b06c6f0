import type { Metadata } from 'next';
import { MockHistoryList } from '@/app/ui/drills/mock-history-list';
import { MockInterview } from '@/app/ui/drills/mock-interview';
import { currentLearnerId } from '@/server/learners/identity';
import { getDrillContext } from '@/server/drills/bank';
import { fetchMockHistory } from '@/server/drills/mock-history';
import { fetchActiveMockSession } from '@/server/drills/mock-sessions';

export const metadata: Metadata = { title: 'Mock interview' };

export default async function MockPage() {
  const learnerId = await currentLearnerId();
  const [active, history, context] = await Promise.all([fetchActiveMockSession(learnerId), fetchMockHistory(learnerId), getDrillContext()]);
  return (
    <>
      <h1>Mock interview</h1>
      <MockInterview active={active} modules={context.course.modules.map((courseModule) => ({ id: courseModule.id, title: courseModule.title }))} />
      <MockHistoryList items={history} heading="Your finished interviews" />
    </>
  );
}
