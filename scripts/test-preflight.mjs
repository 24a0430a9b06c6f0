// What `npm test` checks in its first seconds: Chromium (browser tests), nginx (two instances) and
// a PostgreSQL server with a CREATEDB role (integration on PostgreSQL, two instances). As root on
// Debian it installs and starts what is missing (scripts/test-setup.sh); elsewhere it stops and
// names the one command that would. A suite is skipped only when TEST_SKIP asks for it, never under
// CI, and every skip is reported at the end.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import pg from 'pg';

const DEFAULT_POSTGRES_URL = 'postgres://traffic_cop:traffic_cop@127.0.0.1:5432/postgres';
const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasNginx = () => ['/usr/sbin/nginx', '/usr/bin/nginx'].some((bin) => existsSync(bin));

/** What each optional part of the gate needs, by the name TEST_SKIP uses. */
export const SKIPPABLE = {
  browser: 'the browser tests (Chromium)',
  postgres: 'the PostgreSQL runs (integration on PostgreSQL, two instances behind nginx)',
};

async function connects(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const { rows } = await client.query('SELECT rolcreatedb FROM pg_roles WHERE rolname = current_user');
    return rows[0]?.rolcreatedb === true ? 'ok' : 'no-createdb';
  } catch {
    return 'unreachable';
  } finally {
    await client.end().catch(() => undefined);
  }
}

function requestedSkips() {
  const names = (process.env.TEST_SKIP ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !(name in SKIPPABLE));
  if (unknown.length) throw new Error(`TEST_SKIP names ${unknown.join(', ')}; it takes ${Object.keys(SKIPPABLE).join(', ')}.`);
  return new Set(names);
}

/**
 * Makes the machine ready or says exactly why it is not. Returns the PostgreSQL URL to use, the
 * suites skipped on request with their reasons, and a cleanup that stops a cluster it started.
 */
export async function preflight() {
  const ci = process.env.CI === 'true';
  const skip = requestedSkips();
  if (ci && skip.size) throw new Error(`CI runs every suite; unset TEST_SKIP (${[...skip].join(', ')}).`);
  const given = process.env.TEST_POSTGRES_URL;
  const missing = () => {
    const list = [];
    if (!skip.has('browser') && !existsSync(chromiumPath())) list.push(`Chromium at ${chromiumPath()} (set CHROMIUM_PATH if it lives elsewhere)`);
    if (!skip.has('postgres') && !hasNginx()) list.push('nginx, for the two-instance test');
    return list;
  };
  let postgresUrl = skip.has('postgres') ? undefined : given ?? DEFAULT_POSTGRES_URL;
  let postgresState = postgresUrl ? await connects(postgresUrl) : 'ok';
  let cleanup = () => {};

  const needs = [...missing(), ...(postgresState === 'ok' ? [] : [`PostgreSQL with a CREATEDB role at ${postgresUrl} (${postgresState})`])];
  if (needs.length && given && postgresState !== 'ok') {
    throw new Error(`TEST_POSTGRES_URL does not work: ${postgresUrl} is ${postgresState === 'unreachable' ? 'unreachable, or it refused the login' : 'reachable, but its role may not create databases'}.`);
  }
  if (needs.length) {
    const root = process.getuid?.() === 0;
    const debian = existsSync('/usr/bin/apt-get');
    if (!root || !debian) {
      const how = debian ? 'sudo bash scripts/test-setup.sh' : 'install Chromium, nginx and PostgreSQL, and create a role with CREATEDB (README, "Quick start")';
      const skipHint = `or, to run without them on purpose: TEST_SKIP=${[...new Set(needs.map((need) => (need.startsWith('Chromium') ? 'browser' : 'postgres')))].join(',')} npm test`;
      throw new Error(`npm test needs what this machine lacks:\n  - ${needs.join('\n  - ')}\nRun once: ${how}\nthen npm test again (${skipHint}).`);
    }
    console.log(`▶ setting up: ${needs.join('; ')}`);
    const lines = execFileSync('bash', ['scripts/test-setup.sh'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n');
    const started = lines.find((line) => line.startsWith('started '));
    if (!skip.has('postgres')) {
      postgresUrl = given ?? lines.at(-1);
      postgresState = await connects(postgresUrl);
      if (postgresState !== 'ok') throw new Error(`PostgreSQL at ${postgresUrl} is still ${postgresState} after scripts/test-setup.sh.`);
    }
    if (started) {
      const [, version, cluster] = started.split(' ');
      cleanup = () => execFileSync('pg_ctlcluster', [version, cluster, 'stop'], { stdio: 'inherit' });
    }
    const still = missing();
    if (still.length) throw new Error(`Still missing after scripts/test-setup.sh: ${still.join('; ')}`);
  }
  const skipped = [...skip].map((name) => ({ name, reason: `${SKIPPABLE[name]}: TEST_SKIP=${process.env.TEST_SKIP}` }));
  return { postgresUrl, skipped, cleanup };
}
