import { describe, expect, it } from 'vitest';
import type { CourseOutline } from '@/lib/content/outline-schema';
import { loadDrillBank } from '@/content/drills/bank';
import { DrillContentError, parseDrillBank } from '@/lib/drills/load-bank';
import type { DrillQuestionInput } from '@/lib/drills/question-schema';

const outline: CourseOutline = [
  { id: 'algorithms', title: 'Algorithms', lessons: ['round-robin', 'least-connections'] },
  { id: 'sessions', title: 'Sessions', lessons: ['sticky-sessions'] },
];
const templates = [{ id: 'failure-handling', title: 'Failures', summary: 'Detect, then recover.', sections: [{ id: 'detect', title: 'Detect', prompt: 'Who notices?' }, { id: 'recover', title: 'Recover', prompt: 'How?' }] }];

function question(id: string, topics: string[], extra: Partial<DrillQuestionInput> = {}): DrillQuestionInput {
  return {
    id,
    prompt: 'A question long enough to ask?',
    kind: 'concept',
    difficulty: 1,
    topics,
    modelAnswer: Array.from({ length: 90 }, () => 'word').join(' '),
    rubric: [
      { id: 'a', label: 'Point a', weight: 2, lesson: { slug: topics[0]! }, match: [['alpha']] },
      { id: 'b', label: 'Point b', weight: 1, lesson: { slug: topics[0]! }, match: [['beta']] },
    ],
    followUps: [{ prompt: 'And then?', probes: 'a' }],
    ...extra,
  };
}

const problemsOf = (files: Record<string, unknown>, templateData: unknown = templates): string => {
  try {
    parseDrillBank(files, templateData, outline);
    return '';
  } catch (error) {
    expect(error).toBeInstanceOf(DrillContentError);
    return (error as Error).message;
  }
};

describe('parseDrillBank', () => {
  it('builds lookups by id and records each question\'s module', () => {
    const bank = parseDrillBank(
      { algorithms: { module: 'algorithms', questions: [question('rr', ['round-robin'], { template: 'failure-handling' })] }, sessions: { module: 'sessions', questions: [question('sticky', ['sticky-sessions', 'round-robin'])] } },
      templates,
      outline,
    );
    expect(bank.questions.map((q) => q.id)).toEqual(['rr', 'sticky']);
    expect(bank.questionsById.get('sticky')?.topics).toEqual(['sticky-sessions', 'round-robin']);
    expect(bank.moduleOf.get('sticky')).toBe('sessions');
    expect(bank.templatesById.get('failure-handling')?.sections).toHaveLength(2);
  });

  it('lists every problem at once, naming the file and question', () => {
    const message = problemsOf({
      algorithms: { module: 'algorithms', questions: [question('rr', ['round-robin']), question('misfiled', ['sticky-sessions']), question('ghost', ['round-robin', 'no-such-lesson'])] },
      sessions: { module: 'sessions', questions: [question('rr', ['sticky-sessions'], { template: 'nope' })] },
    });
    expect(message).toContain('questions/sessions.json rr: duplicate question id (also in questions/algorithms.json)');
    expect(message).toContain('questions/algorithms.json misfiled: its first topic "sticky-sessions" is in module "sessions", so it belongs in questions/sessions.json');
    expect(message).toContain('questions/algorithms.json ghost: topic "no-such-lesson" is not a lesson id');
    expect(message).toContain('questions/sessions.json rr: unknown template "nope"');
  });

  it('rejects a file that is not a module, or whose module field disagrees with its name', () => {
    expect(problemsOf({ extras: { module: 'extras', questions: [] } })).toContain('questions/extras.json: "extras" is not a module in content/outline.ts');
    expect(problemsOf({ algorithms: { module: 'sessions', questions: [] } })).toContain('questions/algorithms.json: module "sessions" must equal the file name "algorithms"');
  });

  it('reports schema errors with their path inside the file', () => {
    const broken = { ...question('rr', ['round-robin']), difficulty: 5 };
    expect(problemsOf({ algorithms: { module: 'algorithms', questions: [broken] } })).toMatch(/questions\/algorithms\.json\.questions\.0\.difficulty: /);
    expect(problemsOf({}, [{ id: 'x' }])).toMatch(/templates\.json\.0\.title: /);
  });
});

describe('loadDrillBank', () => {
  it('loads the real bank once and returns the same object afterwards', () => {
    const bank = loadDrillBank();
    expect(bank.questions.length).toBeGreaterThan(0);
    expect(loadDrillBank()).toBe(bank);
  });
});
