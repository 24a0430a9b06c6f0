// `npm run bench:lab -- [baseUrl]`: how smoothly the lab draws. Opens /lab in Debian's Chromium with
// 16 servers at 2,000 requests per simulated second and records, for ten seconds of real time,
// the interval between animation frames and every main-thread task over 50 ms (Long Tasks API).
// Then again at full speed, where the worker simulates as fast as it can.
// Needs the site running (npm start) at baseUrl, default http://127.0.0.1:3000.
import { chromium } from 'playwright-core';
import { encodeLabState, type LabStateDraft } from '@/lib/lab/lab-state';

const baseUrl = process.argv[2] ?? 'http://127.0.0.1:3000';
const SECONDS = 10;

const state: LabStateDraft = {
  variants: [
    {
      label: 'least-connections',
      scenario: {
        seed: 1,
        algorithm: 'least-connections',
        servers: Array.from({ length: 16 }, () => ({ weight: 1, capacity: 8, queueLimit: 64 })),
        arrivals: { pattern: 'poisson', ratePerSecond: 2000 },
        cost: { distribution: 'exponential', meanMs: 50 },
        durationMs: 3_600_000,
      },
    },
  ],
  commands: [],
};

async function main() {
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(`${baseUrl}/lab?run=${encodeLabState(state)}`);
await page.getByTestId('lab-clock').filter({ hasText: 'simulated' }).waitFor();

async function measure(label: string) {
  // A string, not a function: tsx would wrap a function in helpers that do not exist in the page.
  const result = (await page.evaluate(`(async () => {
    const intervals = [];
    const longTasks = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => longTasks.push(entry.duration)));
    observer.observe({ type: 'longtask' });
    await new Promise((resolve) => {
      let last = performance.now();
      const end = last + ${SECONDS} * 1000;
      const frame = (now) => {
        intervals.push(now - last);
        last = now;
        if (now < end) requestAnimationFrame(frame);
        else resolve();
      };
      requestAnimationFrame(frame);
    });
    observer.disconnect();
    const clock = document.querySelector('[data-testid="lab-clock"]')?.textContent ?? '';
    return { intervals, longTasks, clock };
  })()`)) as { intervals: number[]; longTasks: number[]; clock: string };
  const sorted = [...result.intervals].sort((a, b) => a - b);
  const fps = result.intervals.length / SECONDS;
  const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? NaN;
  console.log(
    `${label.padEnd(26)} ${fps.toFixed(1).padStart(5)} fps   frame p95 ${p95.toFixed(1).padStart(5)} ms   long tasks ${result.longTasks.length} (max ${Math.max(0, ...result.longTasks).toFixed(0)} ms)   clock ${result.clock}`,
  );
}

await measure('real time (2,000 req/s)');
await page.getByLabel('Speed').selectOption('max');
await measure('full speed');
await browser.close();
}

void main();
