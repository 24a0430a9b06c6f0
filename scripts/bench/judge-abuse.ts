// `npx tsx scripts/bench/judge-abuse.ts` (npm run bench:abuse): an honest learner's Submit latency
// while one abusive client keeps the judge busy with endless loops and verdict bombs, sending no
// cookie (a new learner each time, as an attacker would) and never waiting. Prints the honest
// learner's latencies, what the abuser got, and the health check's latency meanwhile.
//
// Without --url it serves the production build on 127.0.0.1:3232 (building first if needed) on a
// fresh SQLite file. The abuser and the learner name different addresses in X-Forwarded-For, as
// nginx would set them.
//   --abusers 12  --seconds 30  --every 3000 (the honest learner's pace: its own bucket refills one every 3 s)  --url http://127.0.0.1:3000
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { migrateDatabase, newSqliteUrl } from '../../test/support/migrated-database';
import { startSite, type RunningSite } from '../../test/support/server';

const PORT = 3232;
const EXERCISE = 'round-robin';
const SOLUTION = readFileSync(`content/exercises/${EXERCISE}/solution.ts`, 'utf8');
const ATTACKS = [
  'export class RoundRobin { pick(): string | undefined { for (;;) {} } }\n',
  "const big='x'.repeat(8*1024*1024); module.exports=new Proxy({},{ownKeys(){throw new Error(big)}});",
  "for (let i = 0; i < 1e5; i++) console.log('y'.repeat(1e4));\nexport class RoundRobin { pick(): string | undefined { return undefined; } }\n",
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const ms = (value: number) => `${Math.round(value)} ms`;
const sleep = (msToWait: number) => new Promise((resolve) => setTimeout(resolve, msToWait));

function tally(values: (number | string)[]): string {
  const counts = new Map<number | string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, n]) => `${value} ×${n}`).join(', ');
}

async function main(): Promise<void> {
  const { values: options } = parseArgs({ options: { abusers: { type: 'string', default: '12' }, seconds: { type: 'string', default: '30' }, every: { type: 'string', default: '3000' }, url: { type: 'string' } } });
  let site: RunningSite | undefined;
  try {
    if (!options.url) {
      const databaseUrl = newSqliteUrl('traffic-cop-abuse-');
      migrateDatabase(databaseUrl);
      site = await startSite(PORT, databaseUrl);
    }
    const baseUrl = options.url ?? site!.baseUrl;
    const submitUrl = `${baseUrl}/api/exercises/${EXERCISE}/submissions`;
    const post = (code: string, address: string, cookie?: string) =>
      fetch(submitUrl, { method: 'POST', headers: { origin: baseUrl, 'content-type': 'application/json', 'x-forwarded-for': address, ...(cookie ? { cookie } : {}) }, body: JSON.stringify({ code }) });

    const draft = await fetch(`${baseUrl}/api/exercises/${EXERCISE}/draft`, { method: 'PUT', headers: { origin: baseUrl, 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.7' }, body: JSON.stringify({ code: '// mine' }) });
    const cookie = /tc_learner=[a-f0-9]{32}/.exec(draft.headers.get('set-cookie') ?? '')?.[0];
    if (!cookie) throw new Error('the draft set no learner cookie');
    // Warm the judge and the route before measuring.
    await post(SOLUTION, '198.51.100.8');

    const abuserStatuses: number[] = [];
    let largestAbuseAnswer = 0;
    const until = performance.now() + Number(options.seconds) * 1000;
    const abuser = async (n: number) => {
      while (performance.now() < until) {
        const response = await post(ATTACKS[n % ATTACKS.length]!, '203.0.113.9');
        largestAbuseAnswer = Math.max(largestAbuseAnswer, (await response.text()).length);
        abuserStatuses.push(response.status);
        if (response.status === 429) await sleep(20);
      }
    };
    const abusers = Array.from({ length: Number(options.abusers) }, (_, n) => abuser(n));
    await sleep(1000);

    const honest: number[] = [];
    const honestStatuses: string[] = [];
    const health: number[] = [];
    while (performance.now() < until - 1000) {
      const started = performance.now();
      const [answer, checked] = await Promise.all([
        post(SOLUTION, '198.51.100.7', cookie).then(async (response) => ({ status: response.status, body: (await response.json()) as { verdict?: { status: string } } })),
        (async () => {
          const sent = performance.now();
          await (await fetch(`${baseUrl}/api/health`)).text();
          return performance.now() - sent;
        })(),
      ]);
      honest.push(performance.now() - started);
      honestStatuses.push(answer.body.verdict?.status ?? String(answer.status));
      health.push(checked);
      await sleep(Math.max(0, Number(options.every) - (performance.now() - started)));
    }
    await Promise.all(abusers);

    honest.sort((a, b) => a - b);
    health.sort((a, b) => a - b);
    console.log(`${options.abusers} abusive connections (no cookie, one address, endless loops and verdict bombs) for ${options.seconds} s against ${baseUrl}`);
    console.log(`honest learner, ${honest.length} submissions: p50 ${ms(percentile(honest, 0.5))}, p95 ${ms(percentile(honest, 0.95))}, max ${ms(honest.at(-1) ?? 0)}; verdicts: ${tally(honestStatuses)}`);
    console.log(`health check meanwhile: p50 ${ms(percentile(health, 0.5))}, max ${ms(health.at(-1) ?? 0)}`);
    console.log(`abuser: ${abuserStatuses.length} answers (${tally(abuserStatuses)}); largest answer ${(largestAbuseAnswer / 1024).toFixed(1)} KB`);
    if (abuserStatuses.some((status) => status >= 500) || honestStatuses.some((status) => status !== 'accepted')) process.exitCode = 1;
  } finally {
    await site?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
