import { describe, expect, it } from 'vitest';
import { resumePoint } from '@/lib/progress/resume';

const lessons = ['why', 'where', 'proxy', 'round-robin'].map((id) => ({ id }));
const completedOf = (...ids: string[]) => (id: string) => ids.includes(id);

describe('where a learner picks up', () => {
  it('starts at the first lesson when nothing is done', () => {
    expect(resumePoint(lessons, completedOf())).toEqual({ kind: 'start', lesson: { id: 'why' } });
  });

  it('continues at the next lesson not done, in course order', () => {
    expect(resumePoint(lessons, completedOf('why'))).toEqual({ kind: 'continue', lesson: { id: 'where' }, done: 1 });
    // A lesson skipped early comes back before later ones.
    expect(resumePoint(lessons, completedOf('why', 'proxy', 'round-robin'))).toEqual({ kind: 'continue', lesson: { id: 'where' }, done: 3 });
    expect(resumePoint(lessons, completedOf('where'))).toEqual({ kind: 'continue', lesson: { id: 'why' }, done: 1 });
  });

  it('is finished when every lesson is done, ignoring ids the course no longer has', () => {
    expect(resumePoint(lessons, completedOf('why', 'where', 'proxy', 'round-robin', 'retired-lesson'))).toEqual({ kind: 'finished', done: 4 });
  });
});
