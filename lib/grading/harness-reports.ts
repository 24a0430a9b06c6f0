import { z } from 'zod';
import type { ConsoleReport } from './harness/console';
import type { LoadReport, TestRecord } from './harness/index';

/*
 * The harness's reports as the host parses them. The harness is ours, but it runs in the same realm
 * as learner code, so its output is checked like any other input before anything trusts it.
 */

const text = (max: number) => z.string().max(max);
const suite = z.enum(['visible', 'hidden']);

export const loadReportSchema = z.strictObject({
  tests: z.array(z.strictObject({ name: text(500).min(1), suite, checks: text(500).min(1).optional() })).max(1000),
  errors: z.array(z.strictObject({ module: text(200), message: text(10_000) })).max(10),
}) satisfies z.ZodType<LoadReport>;

export const testRecordSchema = z.strictObject({
  index: z.number().int().min(0),
  name: text(500).min(1),
  suite,
  passed: z.boolean(),
  durationMs: z.number().min(0),
  failure: z.enum(['assertion', 'error', 'memory', 'load-error']).optional(),
  message: text(10_000).optional(),
  expected: text(10_000).optional(),
  actual: text(10_000).optional(),
}) satisfies z.ZodType<TestRecord>;

export const consoleReportSchema = z.strictObject({
  entries: z.array(z.strictObject({ level: z.enum(['log', 'info', 'warn', 'error', 'debug']), text: z.string(), test: z.number().int().min(-1) })).max(100_000),
  truncated: z.boolean(),
}) satisfies z.ZodType<ConsoleReport>;

/** Parses one JSON report from the harness; throws if it is not exactly that shape. */
export function parseReport<T>(schema: z.ZodType<T>, json: string): T {
  return schema.parse(JSON.parse(json));
}
