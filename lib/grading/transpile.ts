import { transform } from 'sucrase';

/** Where a TypeScript file failed to parse. Lines and columns as sucrase reports them (1-based lines). */
export interface CompileError {
  file: string;
  message: string;
  line?: number;
  column?: number;
}

export type Transpiled = { ok: true; code: string } | { ok: false; error: CompileError };

/**
 * TypeScript → the CommonJS-shaped JavaScript the harness links (`require`, `exports`), with
 * sucrase: types are stripped, imports become `require` calls, nothing else changes, and every
 * line stays on its line, so stack traces point at the learner's own line numbers. No type
 * checking happens here; the editor shows type errors.
 */
export function transpileModule(source: string, file: string): Transpiled {
  try {
    const { code } = transform(source, { transforms: ['typescript', 'imports'], disableESTransforms: true, filePath: file });
    return { ok: true, code };
  } catch (error) {
    return { ok: false, error: compileError(error, file) };
  }
}

function compileError(error: unknown, file: string): CompileError {
  const raw = error instanceof Error ? error.message : String(error);
  const message = raw.replace(/^Error transforming [^:]*: /, '').replace(/ \(\d+:\d+\)$/, '');
  const loc = (error as { loc?: { line?: unknown; column?: unknown } } | null)?.loc;
  return typeof loc?.line === 'number' && typeof loc.column === 'number' ? { file, message, line: loc.line, column: loc.column } : { file, message };
}
