import { describe, expect, it } from 'vitest';
import { bundleScript } from '@/lib/grading/harness-bundle';
import { transpileModule } from '@/lib/grading/transpile';

describe('transpileModule', () => {
  it('strips types and turns imports into require calls, keeping line numbers', () => {
    const result = transpileModule("import type { Server } from './types';\nimport { x } from './other';\n\nexport function f(s: Server): string {\n  return x + s.id;\n}", 'solution.ts');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.code).toContain("require('./other')");
    expect(result.code).not.toContain('./types');
    expect(result.code.split('\n')[4]).toContain('return');
  });

  it('reports a syntax error with its line', () => {
    const result = transpileModule('const a = 1;\nconst b = ;', 'solution.ts');
    expect(result).toEqual({ ok: false, error: { file: 'solution.ts', message: 'Unexpected token', line: 2, column: 11 } });
  });
});

describe('bundleScript', () => {
  it('links CommonJS modules and evaluates to the entry module exports', () => {
    const script = bundleScript(
      [
        { name: './a', code: 'exports.value = require("./b").value + 1;' },
        { name: './b', code: 'exports.value = 41;' },
      ],
      './a',
    );
    expect(new Function(`return ${script}`)()).toEqual({ value: 42 });
  });
});
