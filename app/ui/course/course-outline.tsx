import type { Course } from '@/lib/content/course';
import { CompletionTick } from '../progress/completion-tick';

/** Modules and lessons with reading time, description and completion ticks. */
export function CourseOutline({ modules }: { modules: Course['modules'] }) {
  return (
    <ol className="course-outline">
      {modules.map((courseModule, moduleIndex) => (
        <li key={courseModule.id} className="outline-module">
          <h2 id={`module-${courseModule.id}`}>
            <span className="muted">Module {moduleIndex + 1}.</span> {courseModule.title}
          </h2>
          <ol className="outline-lessons" aria-labelledby={`module-${courseModule.id}`}>
            {courseModule.lessons.map((lesson) => (
              <li key={lesson.id}>
                <CompletionTick lessonId={lesson.id} />
                <div>
                  <a href={`/learn/${lesson.slug}`} className="outline-title">
                    {lesson.title}
                  </a>
                  <span className="muted outline-minutes"> · {lesson.readingMinutes} min</span>
                  <p className="muted">{lesson.description}</p>
                </div>
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
}
