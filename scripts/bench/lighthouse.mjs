// Lighthouse (the `lighthouse` devDependency, 12.2.3 for Node 20) on lesson pages, mobile and desktop,
// with a ceiling measured in the same run: the first page's HTML with every script stripped, served as
// a static file from this process. Pages run alternately with the ceiling, so load from elsewhere on the
// machine hits both alike; the load average is printed so a noisy run can be seen as one.
// Usage: npm start (another shell), then
//   node scripts/bench/lighthouse.mjs [baseUrl] [mobile runs] [desktop runs] [path ...]
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

const [baseUrl = 'http://127.0.0.1:3000', mobileRuns = '5', desktopRuns = '3', ...pathsArg] = process.argv.slice(2);
const runsFor = { mobile: Number(mobileRuns), desktop: Number(desktopRuns) };
const paths = pathsArg.length ? pathsArg : ['/learn/weighted-round-robin', '/learn/ip-hash'];
const chromeFlags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** HTML bytes, gzip bytes, and the gzip bytes of the JavaScript the page loads before any island: its script tags and module preloads. */
async function weigh(url) {
  const html = await (await fetch(url)).text();
  const tags = [...html.matchAll(/<script[^>]+src="([^"]+)"[^>]*>|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"[^>]*>/g)].filter((match) => !/\bnoModule\b/i.test(match[0]));
  const sources = [...new Set(tags.map((match) => match[1] ?? match[2]))];
  const sizes = await Promise.all(sources.map(async (src) => gzipSync(Buffer.from(await (await fetch(new URL(src, url))).arrayBuffer()), { level: 9 }).length));
  return { html, htmlBytes: Buffer.byteLength(html), gzipBytes: gzipSync(html).length, jsGzip: sizes.reduce((sum, size) => sum + size, 0), scripts: sources.length };
}

/** The ceiling: the page's own HTML and CSS with no script at all, as a file. */
function serveCeiling(html) {
  const bare = html
    .replace(/(href|src)="\//g, `$1="${baseUrl}/`).replace(/<script\b[\s\S]*?<\/script>/g, '').replace(/<link[^>]+rel="(?:modulepreload|prefetch|preload)"[^>]*>/g, '');
  const server = createServer((request, response) => {
    if (request.url !== '/') return response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(bare);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}/` })));
}

async function measure(url, preset) {
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags });
  try {
    const flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] };
    const { lhr } = await lighthouse(url, flags, preset === 'desktop' ? desktopConfig : undefined);
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
    return {
      performance: Math.round(lhr.categories.performance.score * 100),
      accessibility: Math.round(lhr.categories.accessibility.score * 100),
      tbt: lhr.audits['total-blocking-time'].numericValue,
      lcp: lhr.audits['largest-contentful-paint'].numericValue,
      cls: lhr.audits['cumulative-layout-shift'].numericValue,
      load: loadavg()[0],
    };
  } finally {
    await chrome.kill();
  }
}

const weights = new Map();
for (const path of paths) weights.set(path, await weigh(baseUrl + path));
const ceiling = await serveCeiling(weights.get(paths[0]).html);
const targets = [{ name: `ceiling (${paths[0]}, no scripts)`, url: ceiling.url }, ...paths.map((path) => ({ name: path, url: baseUrl + path }))];

console.log(`load average before: ${loadavg().map((value) => value.toFixed(2)).join(' ')} (2 cores)`);
const results = new Map(targets.flatMap((target) => ['mobile', 'desktop'].map((preset) => [`${target.name} ${preset}`, []])));
for (const preset of ['mobile', 'desktop']) {
  for (let run = 0; run < runsFor[preset]; run += 1) {
    for (const target of targets) {
      const result = await measure(target.url, preset);
      results.get(`${target.name} ${preset}`).push(result);
      console.log(`  ${preset} run ${run + 1} ${target.name}: perf ${result.performance} a11y ${result.accessibility} TBT ${Math.round(result.tbt)} ms LCP ${Math.round(result.lcp)} ms CLS ${result.cls.toFixed(3)} (load ${result.load.toFixed(2)})`);
    }
  }
}
ceiling.server.close();

console.log(`\nmedians over ${runsFor.mobile} mobile and ${runsFor.desktop} desktop runs; load average after: ${loadavg().map((value) => value.toFixed(2)).join(' ')}`);
console.log(['page', 'preset', 'perf', '/ceiling', 'TBT ms', 'LCP ms', 'CLS', 'a11y', 'html', 'html gz', 'js gz'].map((h, i) => (i < 2 ? h.padEnd(i ? 8 : 52) : h.padStart(9))).join(''));
for (const preset of ['mobile', 'desktop']) {
  const ceilingPerf = median(results.get(`${targets[0].name} ${preset}`).map((r) => r.performance));
  for (const target of targets) {
    const list = results.get(`${target.name} ${preset}`);
    const weight = weights.get(target.name);
    const perf = median(list.map((r) => r.performance));
    const cells = [
      perf,
      (perf / ceilingPerf).toFixed(2),
      Math.round(median(list.map((r) => r.tbt))),
      Math.round(median(list.map((r) => r.lcp))),
      median(list.map((r) => r.cls)).toFixed(3),
      median(list.map((r) => r.accessibility)),
      weight ? kb(weight.htmlBytes) : '',
      weight ? kb(weight.gzipBytes) : '',
      weight ? kb(weight.jsGzip) : '',
    ];
    console.log(target.name.padEnd(52) + preset.padEnd(8) + cells.map((cell) => String(cell).padStart(9)).join(''));
  }
}
