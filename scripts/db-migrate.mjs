// `npm run db:migrate` (and `npm start`): applies the committed migrations to DATABASE_URL's
// database, the embedded SQLite file when it is unset. A missing SQLite file is created; so is a
// missing PostgreSQL database, when the role may create one. prisma.config.ts picks the provider's
// schema, migrations and driver adapter from the same URL.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const url = process.env.DATABASE_URL || `file:${path.join(process.cwd(), 'data', 'traffic-cop.db')}`;

/** Creates the database a postgres:// URL names unless it exists; Prisma's deploy would only fail. */
async function createPostgresDatabaseIfMissing() {
  const { default: pg } = await import('pg');
  const probe = new pg.Client({ connectionString: url });
  try {
    await probe.connect();
    await probe.end();
    return;
  } catch (error) {
    // 3D000: invalid_catalog_name, the database does not exist. Anything else (password, host) is real.
    if (error?.code !== '3D000') throw error;
  }
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: maintenance.href });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    console.log(`Created PostgreSQL database ${name}`);
  } catch (error) {
    // 42P04: duplicate_database, another process created it first.
    if (error?.code !== '42P04') throw error;
  } finally {
    await admin.end();
  }
}

try {
  if (url.startsWith('file:')) mkdirSync(path.dirname(path.resolve(url.slice('file:'.length))), { recursive: true });
  else if (/^postgres(ql)?:\/\//.test(url)) await createPostgresDatabaseIfMissing();
} catch (error) {
  console.error(`db-migrate: cannot reach the database: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

execFileSync(process.execPath, [path.join('node_modules', 'prisma', 'build', 'index.js'), 'migrate', 'deploy'], {
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
});
