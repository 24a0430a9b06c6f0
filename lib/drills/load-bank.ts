import type { z } from 'zod';
import type { CourseOutline } from '@/lib/content/outline-schema';
import { answerTemplatesSchema, drillQuestionFileSchema, type AnswerTemplate, type DrillQuestion } from './question-schema';

/** The validated drill bank: every question and answer template, with lookups by id. */
export interface DrillBank {
  questions: DrillQuestion[];
  questionsById: ReadonlyMap<string, DrillQuestion>;
  templates: AnswerTemplate[];
  templatesById: ReadonlyMap<string, AnswerTemplate>;
  /** Course module of each question: the module of its first (primary) topic. */
  moduleOf: ReadonlyMap<string, string>;
}

export class DrillContentError extends Error {}

function describe(where: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${where}${issue.path.length ? `.${issue.path.join('.')}` : ''}: ${issue.message}`);
}

/**
 * Validates raw bank data against the schema and the course outline. Pure, so tests can feed it
 * fixtures. Throws one DrillContentError listing every problem: schema errors, duplicate ids,
 * unknown topics or templates, and a question filed under a module other than its first topic's.
 */
export function parseDrillBank(files: Readonly<Record<string, unknown>>, templates: unknown, outline: CourseOutline): DrillBank {
  const problems: string[] = [];
  const lessonModule = new Map(outline.flatMap((courseModule) => courseModule.lessons.map((lesson) => [lesson, courseModule.id] as const)));

  const parsedTemplates = answerTemplatesSchema.safeParse(templates);
  if (!parsedTemplates.success) problems.push(...describe('templates.json', parsedTemplates.error));
  const templateList = parsedTemplates.success ? parsedTemplates.data : [];
  const templatesById = new Map<string, AnswerTemplate>();
  for (const template of templateList) {
    if (templatesById.has(template.id)) problems.push(`templates.json: duplicate template id "${template.id}"`);
    templatesById.set(template.id, template);
  }

  const questions: DrillQuestion[] = [];
  const questionsById = new Map<string, DrillQuestion>();
  const moduleOf = new Map<string, string>();
  for (const [fileModule, raw] of Object.entries(files)) {
    const where = `questions/${fileModule}.json`;
    if (!outline.some((courseModule) => courseModule.id === fileModule)) problems.push(`${where}: "${fileModule}" is not a module in content/outline.ts`);
    const parsed = drillQuestionFileSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...describe(where, parsed.error));
      continue;
    }
    if (parsed.data.module !== fileModule) problems.push(`${where}: module "${parsed.data.module}" must equal the file name "${fileModule}"`);
    for (const question of parsed.data.questions) {
      const at = `${where} ${question.id}`;
      if (questionsById.has(question.id)) problems.push(`${at}: duplicate question id (also in questions/${moduleOf.get(question.id)}.json)`);
      for (const topic of question.topics) if (!lessonModule.has(topic)) problems.push(`${at}: topic "${topic}" is not a lesson id`);
      const primaryModule = lessonModule.get(question.topics[0]!);
      if (primaryModule && primaryModule !== fileModule) {
        problems.push(`${at}: its first topic "${question.topics[0]}" is in module "${primaryModule}", so it belongs in questions/${primaryModule}.json`);
      }
      if (question.template !== undefined && parsedTemplates.success && !templatesById.has(question.template)) {
        problems.push(`${at}: unknown template "${question.template}"`);
      }
      questions.push(question);
      questionsById.set(question.id, question);
      moduleOf.set(question.id, fileModule);
    }
  }

  if (problems.length > 0) throw new DrillContentError(`The drill bank has problems:\n- ${problems.join('\n- ')}`);
  return { questions, questionsById, templates: templateList, templatesById, moduleOf };
}
