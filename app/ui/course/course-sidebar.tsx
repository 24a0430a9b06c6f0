import type { Course } from '@/lib/content/course';
import { CompletionTick } from '../progress/completion-tick';
import { SidebarToggle } from './sidebar-toggle';

/**
 * The course outline beside every lesson. Server-rendered with plain links (lesson pages are
 * static, so a full load is fast); only the phone-size toggle hydrates.
 */
export function CourseSidebar({ modules, currentSlug }: { modules: Course['modules']; currentSlug?: string }) {
  return (
    <nav className="course-sidebar" aria-label="Course outline" data-open="false">
      <SidebarToggle controls="sidebar-modules" />
      <div className="sidebar-modules" id="sidebar-modules">
        {modules.map((courseModule) => (
          <section key={courseModule.id} aria-labelledby={`sidebar-${courseModule.id}`}>
            <h2 id={`sidebar-${courseModule.id}`}>{courseModule.title}</h2>
            <ol>
              {courseModule.lessons.map((lesson) => (
                <li key={lesson.id}>
                  <a href={`/learn/${lesson.slug}`} aria-current={lesson.slug === currentSlug ? 'page' : undefined}>
                    <CompletionTick lessonId={lesson.id} />
                    <span>{lesson.title}</span>
                  </a>
                </li>
              ))}
            </ol>
          </section>
        ))}
      </div>
    </nav>
  );
}
