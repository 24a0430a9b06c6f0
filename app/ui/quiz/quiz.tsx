'use client';

import type { QuizQuestion } from '@/lib/content/lesson-schema';
import { QuizItem } from './quiz-item';
import { useProgress } from '../progress/progress-context';

/** The lesson's closing quiz: each answer is checked at once and saved to the learner's progress. */
export function Quiz({ lessonId, questions }: { lessonId: string; questions: QuizQuestion[] }) {
  const { lesson } = useProgress();
  const answers = lesson(lessonId).answers;
  const correct = questions.filter((question) => answers[question.id]?.correct).length;
  return (
    <section className="quiz" aria-labelledby="quiz" data-testid="quiz">
      <h2 id="quiz">
        <a href="#quiz">Quiz</a>
      </h2>
      <p className="muted" aria-live="polite">
        {correct === questions.length ? `All ${questions.length} answered correctly.` : `${correct} of ${questions.length} answered correctly so far.`}
      </p>
      <ol className="quiz-questions">
        {questions.map((question, index) => (
          <QuizItem key={question.id} lessonId={lessonId} question={question} number={index + 1} previouslyCorrect={answers[question.id]?.correct} />
        ))}
      </ol>
    </section>
  );
}
