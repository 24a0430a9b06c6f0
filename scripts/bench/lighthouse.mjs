// Runs Lighthouse 12.2.3 (fetched by npx; it is not a project dependency) several times on a page
// and prints the median scores. Usage: npm start (another shell), then
//   node scripts/bench/lighthouse.mjs [url] [runs] [mobile|desktop]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const [url = 'http://127.0.0.1:3000/learn/weighted-round-robin', runs = '5', preset = 'mobile'] = process.argv.slice(2);
const out = mkdtempSync(path.join(tmpdir(), 'lighthouse-'));
const chromeFlags = '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run';
const results = [];
for (let run = 0; run < Number(runs); run += 1) {
  const file = path.join(out, `run-${run}.json`);
  const args = ['--yes', 'lighthouse@12.2.3', url, '--quiet', `--chrome-flags=${chromeFlags}`, '--only-categories=performance,accessibility,best-practices,seo', '--output=json', `--output-path=${file}`];
  if (preset === 'desktop') args.push('--preset=desktop');
  execFileSync('npx', args, { stdio: 'inherit', env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' } });
  const report = JSON.parse(readFileSync(file, 'utf8'));
  results.push({
    performance: Math.round(report.categories.performance.score * 100),
    accessibility: Math.round(report.categories.accessibility.score * 100),
    tbt: report.audits['total-blocking-time'].numericValue,
    lcp: report.audits['largest-contentful-paint'].numericValue,
    cls: report.audits['cumulative-layout-shift'].numericValue,
  });
}
const median = (key) => results.map((result) => result[key]).sort((a, b) => a - b)[Math.floor(results.length / 2)];
console.log(`${url} (${preset}, ${results.length} runs)`);
for (const result of results) console.log(`  performance ${result.performance}  accessibility ${result.accessibility}  TBT ${Math.round(result.tbt)} ms  LCP ${Math.round(result.lcp)} ms  CLS ${result.cls.toFixed(3)}`);
console.log(`median: performance ${median('performance')}, accessibility ${median('accessibility')}, TBT ${Math.round(median('tbt'))} ms, LCP ${Math.round(median('lcp'))} ms`);
