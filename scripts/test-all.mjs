// `npm test`: the whole gate, in order of cost. Stops at the first failing step.
// The integration suite runs twice: on SQLite, then on PostgreSQL when TEST_POSTGRES_URL names a
// server and a role that may create databases. CI must run both; elsewhere PostgreSQL is optional.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const bin = (name) => path.join('node_modules', '.bin', name);
const postgresUrl = process.env.TEST_POSTGRES_URL;
const HOW_TO_ENABLE = 'TEST_POSTGRES_URL=postgres://USER:PASSWORD@127.0.0.1:5432/postgres npm test, with a role that has CREATEDB (README, "PostgreSQL")';

if (process.env.CI === 'true' && !postgresUrl) {
  console.error(`✗ CI runs the integration suite on PostgreSQL too, but TEST_POSTGRES_URL is not set (.ci/run sets it).\n  Elsewhere: ${HOW_TO_ENABLE}`);
  process.exit(1);
}

// `postgres: true` steps see TEST_POSTGRES_URL (the unit step uses it to check the PostgreSQL
// migrations against a real server); every other step runs without it, on SQLite.
const steps = [
  { name: 'typecheck', command: bin('tsc'), args: ['--noEmit'] },
  { name: 'lint', command: bin('eslint'), args: ['.', '--max-warnings', '0'] },
  { name: 'unit and content', command: bin('vitest'), args: ['run', '--project', 'unit'], postgres: true },
  { name: 'integration (SQLite)', command: bin('vitest'), args: ['run', '--project', 'integration'] },
  { name: 'integration (PostgreSQL)', command: bin('vitest'), args: ['run', '--project', 'integration'], postgres: true, needsPostgres: true },
  { name: 'production build', command: bin('next'), args: ['build'] },
  { name: 'browser (Chromium)', command: bin('vitest'), args: ['run', '--project', 'e2e'] },
  // Two instances on one PostgreSQL behind nginx round robin (README, "Several instances").
  { name: 'two instances behind nginx (PostgreSQL)', command: bin('vitest'), args: ['run', '--project', 'deploy'], postgres: true, needsPostgres: true },
];

for (const { name, command, args, postgres, needsPostgres } of steps) {
  if (needsPostgres && !postgresUrl) {
    console.log(`\n○ ${name} skipped: TEST_POSTGRES_URL is not set. To run it: ${HOW_TO_ENABLE}`);
    continue;
  }
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  if (!postgres) delete env.TEST_POSTGRES_URL;
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  try {
    execFileSync(command, args, { stdio: 'inherit', env });
  } catch {
    console.error(`\n✗ ${name} failed`);
    process.exit(1);
  }
  console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
