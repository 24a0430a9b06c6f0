import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import coverage from '@/content/coverage.json';
import { FIXED_LESSON_ANCHORS } from '@/lib/content/lesson-components';
import { referenceHeadingPaths } from '@/lib/content/reference-headings';
import { realCourse } from '../support/course';

const REFERENCE = path.resolve(__dirname, '..', '..', '..', 'shared', 'reference', 'seed-load-balancer.md');
// Compiled before the tests run, as the other course tests do, so compile time does not count against a test's timeout.
const course = await realCourse();

describe('coverage of the reference material', () => {
  it('can read the reference (shared/ sits beside the repository)', () => {
    expect(existsSync(REFERENCE), `missing ${REFERENCE}`).toBe(true);
  });

  it('maps every section heading of the reference exactly once', () => {
    const headings = referenceHeadingPaths(readFileSync(REFERENCE, 'utf8'));
    expect(headings.length).toBeGreaterThan(40);
    const mapped = coverage.map((entry) => entry.section);
    for (const heading of headings) expect(mapped.filter((section) => section === heading), heading).toHaveLength(1);
    for (const section of mapped) expect(headings, `coverage names a heading the reference lacks: ${section}`).toContain(section);
  });

  it('points each section at a heading that exists in its lesson', () => {
    for (const entry of coverage) {
      const lesson = course.lessonsById.get(entry.lesson);
      expect(lesson, entry.lesson).toBeDefined();
      const anchors = [...lesson!.outline.headings.map((heading) => heading.slug), ...FIXED_LESSON_ANCHORS];
      expect(anchors, `${entry.lesson}#${entry.anchor}`).toContain(entry.anchor);
    }
  });
});
