import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CourseSidebar } from '@/app/ui/course/course-sidebar';
import { PractiseThis } from '@/app/ui/exercises/practise-this';
import { LessonBody } from '@/app/ui/lesson/lesson-body';
import { LessonPager } from '@/app/ui/lesson/lesson-pager';
import { TableOfContents } from '@/app/ui/lesson/table-of-contents';
import { MarkComplete } from '@/app/ui/progress/mark-complete';
import { Quiz } from '@/app/ui/quiz/quiz';
import { fetchExercisesForLesson } from '@/server/exercises/learner-work';
import { getCompiledLesson, getCourse } from '@/server/content/lessons';

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await getCourse()).lessons.map((lesson) => ({ slug: lesson.slug }));
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lesson = (await getCourse()).lessonsBySlug.get((await params).slug);
  return lesson ? { title: lesson.title, description: lesson.description } : {};
}

export default async function LessonPage({ params }: Props) {
  const lesson = await getCompiledLesson((await params).slug);
  if (!lesson) notFound();
  const [{ lessons, modules }, exercises] = await Promise.all([getCourse(), fetchExercisesForLesson(lesson.id)]);
  return (
    <>
    <CourseSidebar modules={modules} currentSlug={lesson.slug} />
    <main id="main" className="lesson-layout">
      <TableOfContents headings={lesson.outline.headings} />
      <article className="lesson-article" data-lesson-id={lesson.id}>
        <p className="lesson-meta">
          <span>{lesson.moduleTitle}</span>
          <span>Lesson {lesson.position + 1} of {lessons.length}</span>
          <span>{lesson.readingMinutes} min read</span>
        </p>
        <h1>{lesson.title}</h1>
        <section className="lesson-objectives" aria-labelledby="objectives">
          <h2 id="objectives">By the end you will be able to</h2>
          <ul>
            {lesson.frontmatter.objectives.map((objective) => (
              <li key={objective}>{objective}</li>
            ))}
          </ul>
        </section>
        <LessonBody html={lesson.html} diagrams={lesson.outline.diagrams} labs={lesson.outline.labs} />
        <PractiseThis exercises={exercises} />
        <Quiz lessonId={lesson.id} questions={lesson.frontmatter.quiz} />
        <MarkComplete lessonId={lesson.id} />
        <LessonPager previous={lessons[lesson.position - 1]} next={lessons[lesson.position + 1]} />
      </article>
    </main>
    </>
  );
}
