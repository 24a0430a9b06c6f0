// `npx tsx scripts/bench/scenario-validation.ts`: what parsing a scenario costs with zod's JIT off
// (as the site runs it, because its CSP has no 'unsafe-eval') against on, and whether either path
// asks for code generation from strings, which that CSP refuses (and reports as a violation).
import { execFileSync } from 'node:child_process';
import { z } from 'zod';
import '@/lib/sim/schema-kit';

let generated = 0;
const RealFunction = Function;
// Counts `new Function(...)`, the only code generation zod does; eval it never uses.
globalThis.Function = new Proxy(RealFunction, {
  construct(target, args) {
    generated += 1;
    return Reflect.construct(target, args);
  },
});

// zod fixes JIT or not when a schema is built, and probes for eval once per process; schema-kit
// turns the JIT off on import, so each mode runs in its own process and sets it before the schemas exist.
const mode = process.argv[2];
if (mode === 'jit') z.config({ jitless: false });
void Promise.all([import('@/lib/sim/named-scenarios'), import('@/lib/sim/scenario')]).then(([{ NAMED_SCENARIOS }, { validateScenario }]) => {
  const inputs = NAMED_SCENARIOS.flatMap((named) => named.variants.map((variant) => JSON.parse(JSON.stringify(variant.scenario)) as unknown));
  const ROUNDS = 2_000;

  function measure(): { microseconds: number; generated: number } {
    for (const input of inputs) if (!validateScenario(input).ok) throw new Error('a named scenario failed validation');
    const started = performance.now();
    for (let round = 0; round < ROUNDS; round++) for (const input of inputs) validateScenario(input);
    return { microseconds: ((performance.now() - started) * 1000) / (ROUNDS * inputs.length), generated };
  }

  if (mode === 'jitless' || mode === 'jit') {
    const { microseconds, generated: calls } = measure();
    console.log(`${mode.padEnd(8)} ${microseconds.toFixed(1).padStart(7)} µs per scenario   new Function calls: ${calls}`);
  } else {
    console.log(`${inputs.length} named-scenario variants, ${ROUNDS} rounds each`);
    for (const each of ['jitless', 'jit', 'jitless', 'jit']) process.stdout.write(execFileSync(process.execPath, [...process.execArgv, process.argv[1]!, each]));
  }
});
