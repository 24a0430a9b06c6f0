// `npm run db:new-migration -- <name>`, after an edit to prisma/schema.prisma: derives
// prisma/postgresql/schema.prisma, writes one migration per provider under the same folder name,
// each taking what the committed migrations build to the edited schema, and regenerates both
// clients. Review both SQL files, then `npm run db:migrate` applies them (`npm start` does too).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { PRISMA_FILES } from '@/server/db/database-url';
import { derivePostgresSchema } from './db-schema';
import { PROVIDERS, diffSchemas, nextMigrationName, readSchema, schemasBuiltByMigrations, writeMigration } from './db-migrations';

const USAGE = 'Usage: npm run db:new-migration -- <name>   (snake_case, e.g. add_auth)';

function main(args: string[]): number {
  if (args.length !== 1 || args[0]!.startsWith('-')) {
    console.error(USAGE);
    return 2;
  }
  const folder = nextMigrationName(args[0]!);
  writeFileSync(PRISMA_FILES.postgresql.schema, derivePostgresSchema(readSchema('sqlite')));
  console.log(`Derived ${PRISMA_FILES.postgresql.schema} from ${PRISMA_FILES.sqlite.schema}`);

  const built = schemasBuiltByMigrations();
  const sql = Object.fromEntries(PROVIDERS.map((provider) => [provider, diffSchemas(built[provider], readSchema(provider))]));
  const needed = PROVIDERS.filter((provider) => sql[provider]);
  if (needed.length === 0) {
    console.log('The committed migrations already build this schema: no migration written.');
  } else if (needed.length < PROVIDERS.length) {
    throw new Error(`only ${needed.join(' and ')} needs a migration; the two sets of migrations are out of step (see test/unit/db)`);
  } else {
    for (const provider of PROVIDERS) console.log(`Wrote ${writeMigration(provider, folder, sql[provider]!)}`);
    console.log('Review both files (look for "Warnings" about data loss), then `npm run db:migrate`.');
  }
  execFileSync(process.execPath, ['scripts/db-generate.mjs'], { stdio: 'inherit' });
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`db:new-migration: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
