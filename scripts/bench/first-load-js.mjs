// Prints the HTML and the JavaScript a page loads before any interaction, gzip-compressed, per page.
// Usage: npm start (in another shell), then: node scripts/bench/first-load-js.mjs [baseUrl] [path ...]
import { gzipSync } from 'node:zlib';

const [baseUrl = 'http://127.0.0.1:3000', ...paths] = process.argv.slice(2);
const pages = paths.length ? paths : ['/', '/learn', '/learn/weighted-round-robin', '/learn/ip-hash', '/progress'];

async function gzipBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return gzipSync(Buffer.from(await response.arrayBuffer()), { level: 9 }).length;
}

console.log('page'.padEnd(34), 'html'.padStart(9), 'html gz'.padStart(9), 'scripts'.padStart(8), 'js gz'.padStart(9));
for (const path of pages) {
  const html = await (await fetch(baseUrl + path)).text();
  // noModule scripts (Next's legacy polyfills) are skipped by every browser that runs modules; module
  // preloads are the chunks a static page's boot module imports at once.
  const tags = [...html.matchAll(/<script[^>]+src="([^"]+)"[^>]*>|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"[^>]*>/g)].filter((match) => !/\bnoModule\b/i.test(match[0]));
  const scripts = [...new Set(tags.map((match) => match[1] ?? match[2]))];
  const sizes = await Promise.all(scripts.map((src) => gzipBytes(new URL(src, baseUrl).href)));
  const js = sizes.reduce((sum, size) => sum + size, 0);
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
  console.log(path.padEnd(34), kb(Buffer.byteLength(html)).padStart(9), kb(gzipSync(html).length).padStart(9), String(scripts.length).padStart(8), kb(js).padStart(9));
}
