import type { Metadata } from 'next';
import Link from 'next/link';
import { currentLearnerId } from '@/server/learners/identity';
import { getCourse } from '@/server/content/lessons';
import { fetchProgress } from '@/server/learners/progress';

export const metadata: Metadata = { title: 'Your progress' };

export default async function ProgressPage() {
  const [course, learnerId] = await Promise.all([getCourse(), currentLearnerId()]);
  const { lessons: progress } = await fetchProgress(learnerId);
  const completed = course.lessons.filter((lesson) => progress[lesson.id]?.completed);
  const totalQuestions = course.lessons.reduce((sum, lesson) => sum + lesson.frontmatter.quiz.length, 0);
  const correctAnswers = course.lessons.reduce(
    (sum, lesson) => sum + lesson.frontmatter.quiz.filter((question) => progress[lesson.id]?.answers[question.id]?.correct).length,
    0,
  );
  const next = course.lessons.find((lesson) => !progress[lesson.id]?.completed);
  const percent = Math.round((100 * completed.length) / course.lessons.length);

  return (
    <main id="main" className="page">
      <h1>Your progress</h1>
      {completed.length === 0 && correctAnswers === 0 ? (
        <p>
          Nothing here yet. Progress is saved in this browser as you mark lessons complete and answer quizzes; no account needed.{' '}
          <Link href={`/learn/${course.lessons[0]!.slug}`}>Start the first lesson</Link>.
        </p>
      ) : (
        next && (
          <p>
            Continue with <Link href={`/learn/${next.slug}`}>{next.title}</Link>.
          </p>
        )
      )}
      <div className="progress-summary">
        <div className="stat" data-testid="lessons-completed">
          <strong>
            {completed.length} / {course.lessons.length}
          </strong>
          lessons completed
          <div className="meter" role="progressbar" aria-label="Course completed" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
            <span style={{ width: `${percent}%` }} />
          </div>
        </div>
        <div className="stat">
          <strong>
            {correctAnswers} / {totalQuestions}
          </strong>
          quiz questions answered correctly
        </div>
      </div>
      {course.modules.map((courseModule) => (
        <section key={courseModule.id} aria-labelledby={`progress-${courseModule.id}`}>
          <h2 id={`progress-${courseModule.id}`}>{courseModule.title}</h2>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Lesson</th>
                  <th scope="col">Status</th>
                  <th scope="col">Quiz</th>
                </tr>
              </thead>
              <tbody>
                {courseModule.lessons.map((summary) => {
                  const lesson = course.lessonsById.get(summary.id)!;
                  const state = progress[lesson.id];
                  const right = lesson.frontmatter.quiz.filter((question) => state?.answers[question.id]?.correct).length;
                  return (
                    <tr key={lesson.id} data-testid={`progress-row-${lesson.id}`}>
                      <td>
                        <Link href={`/learn/${lesson.slug}`}>{lesson.title}</Link>
                      </td>
                      <td>{state?.completed ? '✓ Completed' : 'Not completed'}</td>
                      <td>
                        {right} / {lesson.frontmatter.quiz.length}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </main>
  );
}
