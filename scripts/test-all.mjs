// `npm test`: the whole gate, in order of cost. Stops at the first failing step.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const bin = (name) => path.join('node_modules', '.bin', name);
const steps = [
  ['typecheck', bin('tsc'), ['--noEmit']],
  ['lint', bin('eslint'), ['.', '--max-warnings', '0']],
  ['unit and content', bin('vitest'), ['run', '--project', 'unit']],
  ['integration (SQLite)', bin('vitest'), ['run', '--project', 'integration']],
  ['production build', bin('next'), ['build']],
  ['browser (Chromium)', bin('vitest'), ['run', '--project', 'e2e']],
];

for (const [name, command, args] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  try {
    execFileSync(command, args, { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  } catch {
    console.error(`\n✗ ${name} failed`);
    process.exit(1);
  }
  console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
