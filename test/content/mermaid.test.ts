// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { realCourse } from '../support/course';

// Mermaid's parser runs in a DOM-less test with jsdom; rendering is covered by the browser tests.
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false, suppressErrorRendering: true });
const course = await realCourse();
const diagrams = course.lessons.flatMap((lesson) => lesson.outline.diagrams.map((diagram) => [diagram.id, diagram.source] as const));

describe('every Mermaid diagram in the course', () => {
  it.each(diagrams)('%s parses with mermaid', async (_id, source) => {
    await expect(mermaid.parse(source)).resolves.toBeTruthy();
  });

  it('rejects a broken diagram, so the check above can fail', async () => {
    await expect(mermaid.parse('flowchart LR\n  A -->')).rejects.toThrow();
  });
});
