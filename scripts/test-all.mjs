// `npm test`: the whole gate, in order of cost. Stops at the first failing step.
// First a preflight (scripts/test-preflight.mjs) makes sure Chromium, nginx and PostgreSQL are
// there, installing and starting them as root on Debian, or stops at once naming the command that
// would. The integration suite runs twice: on SQLite, then on PostgreSQL. Nothing is skipped
// unless TEST_SKIP asks, and a skipped suite is listed at the end with its reason.
// `node scripts/test-all.mjs --preflight` runs the preflight alone.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { preflight } from './test-preflight.mjs';

const bin = (name) => path.join('node_modules', '.bin', name);

let ready;
try {
  ready = await preflight();
} catch (error) {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
if (process.argv.includes('--preflight')) {
  console.log(`✓ ready: Chromium, nginx${ready.postgresUrl ? `, PostgreSQL at ${ready.postgresUrl.replace(/:[^:@/]+@/, ':***@')}` : ''}`);
  for (const { name, reason } of ready.skipped) console.log(`○ ${name} would be skipped: ${reason}`);
  ready.cleanup();
  process.exit(0);
}

// `postgres: true` steps see TEST_POSTGRES_URL (the unit step uses it to check the PostgreSQL
// migrations against a real server); every other step runs without it, on SQLite. `needs` names
// the part of the preflight a step depends on, which TEST_SKIP may leave out.
const steps = [
  { name: 'typecheck', command: bin('tsc'), args: ['--noEmit'] },
  { name: 'lint', command: bin('eslint'), args: ['.', '--max-warnings', '0'] },
  { name: 'unit and content', command: bin('vitest'), args: ['run', '--project', 'unit'], postgres: true },
  { name: 'integration (SQLite)', command: bin('vitest'), args: ['run', '--project', 'integration'] },
  { name: 'integration (PostgreSQL)', command: bin('vitest'), args: ['run', '--project', 'integration'], postgres: true, needs: 'postgres' },
  { name: 'production build', command: bin('next'), args: ['build'] },
  { name: 'browser (Chromium)', command: bin('vitest'), args: ['run', '--project', 'e2e'], needs: 'browser' },
  // Two instances on one PostgreSQL behind nginx round robin (README, "Several instances").
  { name: 'two instances behind nginx (PostgreSQL)', command: bin('vitest'), args: ['run', '--project', 'deploy'], postgres: true, needs: 'postgres' },
];

const skippedParts = new Map(ready.skipped.map(({ name, reason }) => [name, reason]));
const skipped = [];
let failed = false;
for (const { name, command, args, postgres, needs } of steps) {
  if (needs && skippedParts.has(needs)) {
    skipped.push(`${name}: ${skippedParts.get(needs)}`);
    console.log(`\n○ ${name} skipped (${skippedParts.get(needs)})`);
    continue;
  }
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  if (postgres && ready.postgresUrl) env.TEST_POSTGRES_URL = ready.postgresUrl;
  else delete env.TEST_POSTGRES_URL;
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  try {
    execFileSync(command, args, { stdio: 'inherit', env });
  } catch {
    console.error(`\n✗ ${name} failed`);
    failed = true;
    break;
  }
  console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
ready.cleanup();
if (skipped.length) console.log(`\n○ ${skipped.length} step${skipped.length === 1 ? '' : 's'} skipped on request:\n  - ${skipped.join('\n  - ')}`);
process.exit(failed ? 1 : 0);
