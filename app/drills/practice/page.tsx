import type { Metadata } from 'next';
import Link from 'next/link';
import { PracticeFilters } from '@/app/ui/drills/practice-filters';
import { PracticeList } from '@/app/ui/drills/practice-list';
import type { PracticeFilter } from '@/lib/drills/pick-question';
import { currentLearnerId } from '@/server/learners/identity';
import { getDrillContext } from '@/server/drills/bank';
import { fetchPracticeList } from '@/server/drills/overview';

export const metadata: Metadata = { title: 'Practice questions' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PracticePage({ searchParams }: { searchParams: SearchParams }) {
  const [query, context, learnerId] = await Promise.all([searchParams, getDrillContext(), currentLearnerId()]);
  const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);
  const topic = one(query.topic);
  const difficulty = Number(one(query.difficulty));
  // Unknown values are ignored rather than refused: a stale link still shows questions.
  const filter: PracticeFilter = {
    topic: topic && context.course.lessonsById.has(topic) ? topic : undefined,
    difficulty: [1, 2, 3].includes(difficulty) ? difficulty : undefined,
    weakest: one(query.order) === 'weakest',
  };
  const items = await fetchPracticeList(learnerId, filter);
  const modules = context.course.modules.map((courseModule) => ({ moduleTitle: courseModule.title, topics: courseModule.lessons.map((lesson) => ({ id: lesson.id, title: lesson.title })) }));
  return (
    <>
      <h1>Practice</h1>
      <p className="drills-intro">
        Pick a question and answer it as you would out loud. {filter.weakest ? 'Your weakest topics come first.' : 'Or let your answers so far decide:'}{' '}
        {!filter.weakest && items[0] && <Link href="/drills/practice?order=weakest">show where I am weakest</Link>}
      </p>
      <PracticeFilters modules={modules} filter={filter} />
      <p className="muted" role="status">
        {items.length} question{items.length === 1 ? '' : 's'}
      </p>
      <PracticeList items={items} />
    </>
  );
}
