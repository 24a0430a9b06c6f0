import { describe, expect, it } from 'vitest';
import { outline } from '@/content/outline';
import { FIXED_LESSON_ANCHORS, LESSON_COMPONENTS } from '@/lib/content/lesson-components';
import { lessonOrder } from '@/lib/content/outline-schema';
import { LAB_PRESETS } from '@/lib/lab/presets';
import { realCourse } from '../support/course';

const course = await realCourse();

describe('the course outline', () => {
  it('lists every lesson exactly once, and every listed lesson exists', () => {
    const order = lessonOrder(outline);
    expect(new Set(order).size).toBe(order.length);
    expect([...course.lessonsById.keys()].sort()).toEqual([...order].sort());
  });

  it('only lets prerequisites point backwards', () => {
    for (const lesson of course.lessons) {
      for (const prerequisite of lesson.frontmatter.prerequisites) {
        expect(course.lessonsById.get(prerequisite)!.position, `${lesson.id} → ${prerequisite}`).toBeLessThan(lesson.position);
      }
    }
  });

  it('has at least 25 diagrams in all, and at least one in every lesson', () => {
    for (const lesson of course.lessons) expect(lesson.outline.diagrams.length, lesson.id).toBeGreaterThanOrEqual(1);
    expect(course.lessons.reduce((sum, lesson) => sum + lesson.outline.diagrams.length, 0)).toBeGreaterThanOrEqual(25);
  });

  it('embeds every named lab scenario in the lesson it belongs to, once', () => {
    for (const preset of LAB_PRESETS) {
      const lesson = course.lessons.find((candidate) => candidate.slug === preset.lessonSlug);
      expect(lesson, `${preset.id} belongs to a missing lesson ${preset.lessonSlug}`).toBeDefined();
      expect(lesson!.outline.labs.filter((id) => id === preset.id), `${preset.lessonSlug} should embed <Lab scenario="${preset.id}" />`).toHaveLength(1);
    }
  });
});

describe.each(course.lessons.map((lesson) => [lesson.id, lesson] as const))('lesson %s', (_id, lesson) => {
  it('uses only components from the registry, and closes with exactly one interview angle', () => {
    for (const name of lesson.outline.components) expect(LESSON_COMPONENTS, `unknown component <${name}>`).toContain(name);
    expect(lesson.outline.components.filter((name) => name === 'InterviewAngle')).toHaveLength(1);
  });

  it('has unique heading anchors', () => {
    const slugs = lesson.outline.headings.map((heading) => heading.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it('links only to lessons and anchors that exist', () => {
    for (const href of lesson.outline.links) {
      if (/^(https?:|mailto:)/.test(href)) continue;
      const match = /^(?:\/learn\/([a-z0-9-]+))?(?:#(.+))?$/.exec(href);
      expect(match, `unexpected internal link ${href}`).not.toBeNull();
      const target = match![1] ? course.lessonsBySlug.get(match![1]) : lesson;
      expect(target, `link to missing lesson ${href}`).toBeDefined();
      if (match![2]) {
        const anchors = [...target!.outline.headings.map((heading) => heading.slug), ...FIXED_LESSON_ANCHORS];
        expect(anchors, `link to missing anchor ${href}`).toContain(match![2]);
      }
    }
  });

  it('compiles to HTML with one live slot per diagram and the interview section', () => {
    expect(lesson.html.match(/data-diagram-root=/g)).toHaveLength(lesson.outline.diagrams.length);
    expect(lesson.html.match(/class="interview-angle"/g)).toHaveLength(1);
    expect(lesson.html.match(/data-lab-root=/g) ?? []).toHaveLength(lesson.outline.labs.length);
    expect(lesson.html).not.toMatch(/<(Callout|Diagram|InterviewAngle|Lab)\b/);
  });
});
