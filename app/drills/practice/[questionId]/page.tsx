import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DIFFICULTY_LABELS } from '@/app/ui/drills/format';
import { PracticeForm } from '@/app/ui/drills/practice-form';
import { getDrillContext, questionView } from '@/server/drills/bank';

type Props = { params: Promise<{ questionId: string }> };

async function findQuestion(params: Props['params']) {
  const [context, { questionId }] = await Promise.all([getDrillContext(), params]);
  const question = context.bank.questionsById.get(questionId);
  return question ? questionView(context, question) : undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const question = await findQuestion(params);
  return question ? { title: `Practice: ${question.prompt}` } : {};
}

export default async function PracticeQuestionPage({ params }: Props) {
  const question = await findQuestion(params);
  if (!question) notFound();
  return (
    <article className="practice-question">
      <p className="practice-meta">
        <Link href="/drills/practice">Practice</Link>
        <span className="tag">{question.kind}</span>
        <span className="tag">
          Difficulty {question.difficulty}: {DIFFICULTY_LABELS[question.difficulty]}
        </span>
        <span>{question.pointCount} rubric points</span>
      </p>
      <h1 className="question-prompt">{question.prompt}</h1>
      <p className="muted">
        Taught in{' '}
        {question.topics.map((topic, index) => (
          <span key={topic.id}>
            {index > 0 && ', '}
            <Link href={`/learn/${topic.id}`} prefetch={false}>
              {topic.title}
            </Link>
          </span>
        ))}
        .
      </p>
      <PracticeForm key={question.id} question={question} />
    </article>
  );
}
