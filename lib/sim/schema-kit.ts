import { z } from 'zod';

// zod compiles object parsers with `new Function` unless told not to; the site's CSP has no
// 'unsafe-eval', and the lab validates share links in the browser, so the JIT would only ever
// fail its probe there. Jitless parsing of a scenario takes microseconds (README, simulator).
z.config({ jitless: true });

/** How a number read from untrusted input must look. */
export interface NumberRule {
  integer?: boolean;
  min?: number;
  max?: number;
  /** Exclusive lower bound. */
  above?: number;
  /** Exclusive upper bound. */
  below?: number;
}

const got = (input: unknown) => (input === undefined ? '' : `, got ${JSON.stringify(input)}`);

/** A finite number under `rule`; each broken rule reads `must be at least 1, got 0` after its path. */
export function number(rule: NumberRule = {}) {
  let schema = z.number({ error: (issue) => (issue.input === undefined ? 'is required' : `must be a finite number${got(issue.input)}`) });
  const check = (message: string) => ({ abort: true, error: (issue: { input?: unknown }) => `${message}${got(issue.input)}` });
  if (rule.integer) schema = schema.int(check('must be an integer'));
  if (rule.min !== undefined) schema = schema.min(rule.min, check(`must be at least ${rule.min}`));
  if (rule.max !== undefined) schema = schema.max(rule.max, check(`must be at most ${rule.max}`));
  if (rule.above !== undefined) schema = schema.gt(rule.above, check(`must be greater than ${rule.above}`));
  if (rule.below !== undefined) schema = schema.lt(rule.below, check(`must be less than ${rule.below}`));
  return schema;
}

/** One of `choices`, worded `must be one of a, b, got "c"`. */
export function choice<const T extends readonly [string, ...string[]]>(choices: T) {
  return z.enum(choices, { error: (issue) => `must be one of ${choices.join(', ')}${got(issue.input)}` });
}

export function boolean() {
  return z.boolean({ error: (issue) => `must be true or false${got(issue.input)}` });
}

/** Marks an unknown-field issue so `issueLines` can name each field with what was expected. */
const UNKNOWN_FIELD = 'unknown-field:';

/** An object that refuses a misspelt field instead of ignoring it. */
export function strictObject<Shape extends z.ZodRawShape>(shape: Shape) {
  const expected = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `${UNKNOWN_FIELD}${expected}` : 'must be an object'),
  });
}

/** An array, worded `must be an array` when it is something else. */
export function array<Item extends z.ZodType>(item: Item, what = 'must be an array') {
  return z.array(item, { error: what });
}

/** `servers[1].weight` from zod's path; `root` names the whole input. */
export function pathText(path: readonly PropertyKey[], root: string): string {
  let text = '';
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : text === '' ? String(key) : `.${String(key)}`;
  return text === '' ? root : text;
}

/** The problems of a failed parse, one readable line each with its path, in the order zod found them. */
export function issueLines(error: z.ZodError, root: string): string[] {
  return error.issues.flatMap((issue) => {
    const at = pathText(issue.path, root);
    if (issue.code === 'unrecognized_keys' && issue.message.startsWith(UNKNOWN_FIELD)) {
      const expected = issue.message.slice(UNKNOWN_FIELD.length);
      return issue.keys.map((key) => `${pathText([...issue.path, key], root)} is not a known field (expected ${expected})`);
    }
    // A rule across fields words its own sentence, naming the fields.
    return issue.code === 'custom' && issue.params?.sentence === true ? [issue.message] : [`${at} ${issue.message}`];
  });
}

/** Adds a problem found across fields, worded as a whole sentence that names them. */
export function sentence(ctx: z.RefinementCtx, message: string): void {
  ctx.addIssue({ code: 'custom', message, params: { sentence: true } });
}

/** Adds a problem of the field at `path` (relative to the refined object), worded as it would follow the path. */
export function fieldProblem(ctx: z.RefinementCtx, path: PropertyKey[], message: string): void {
  ctx.addIssue({ code: 'custom', message, path });
}

/** `value` parsed by `schema`, or a RangeError listing its problems: for a caller's bug, not a learner's input. */
export function parseOrThrow<Schema extends z.ZodType>(schema: Schema, value: unknown, root: string): z.output<Schema> {
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) throw new RangeError(issueLines(result.error, root).join('; '));
  return result.data;
}
