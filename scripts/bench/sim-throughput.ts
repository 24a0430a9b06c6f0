// `npm run bench:sim`: how many simulated requests per second of wall time the engine sustains, and
// whether memory stays flat as the run gets longer (the metrics are fixed-size by design).
// Least connections over 16 servers of capacity 4 at 80% load, exponential cost; then the same
// traffic with the overload model on (timeouts, Envoy retries with a budget, maxconn with a queue
// timeout, circuit breakers), which turns each request into a call of tries.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { defineScenario, type OverloadSpec } from '@/lib/sim/scenario';
import { createSimulation } from '@/lib/sim/simulator';

// A full collection before each heap reading, so it shows what the simulation retains, not garbage.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const SERVERS = 16;
const CAPACITY = 4;
const MEAN_MS = 10;

/** Every failure-under-load feature that costs work per request, at settings this healthy fleet rarely trips. */
const OVERLOAD: OverloadSpec = {
  requestTimeoutMs: 2_000,
  perTryTimeoutMs: 500,
  balancerRetries: { style: 'envoy', retryOn: ['5xx'], numRetries: 2 },
  retryBudget: { budgetPercent: 20, minRetryConcurrency: 3 },
  maxConnPerServer: 8,
  queueTimeoutMs: 1_000,
  circuitBreakers: { maxPendingRequests: 1_024, maxRequests: 4_096 },
};

const scenario = (requests: number, overload?: OverloadSpec) =>
  defineScenario({
  seed: 1,
  algorithm: 'least-connections',
  servers: Array.from({ length: SERVERS }, () => ({ weight: 1, capacity: CAPACITY, queueLimit: 64 })),
  arrivals: { pattern: 'poisson', ratePerSecond: (0.8 * SERVERS * CAPACITY * 1000) / MEAN_MS },
  cost: { distribution: 'exponential', meanMs: MEAN_MS },
  requests,
  ...(overload ? { overload } : {}),
  });

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

collect();
console.log(`heap before any run: ${mib(process.memoryUsage().heapUsed)}`);
console.log(['model'.padEnd(10), 'requests'.padStart(10), 'wall s'.padStart(8), 'requests/s'.padStart(12), 'live heap'.padStart(11), 'heap after'.padStart(11), 'p99 ms'.padStart(8)].join(''));

const RUNS: [string, number, OverloadSpec | undefined][] = [
  ['plain', 1_000_000, undefined],
  ['plain', 4_000_000, undefined],
  ['overload', 1_000_000, OVERLOAD],
];
for (const [model, requests, overload] of RUNS) {
  const simulation = createSimulation(scenario(requests, overload));
  let wallMs = 0;
  let peak = 0;
  // Pause every 100 simulated seconds to collect and read the heap, so growth during the run would show;
  // the pauses are left out of the wall time.
  for (let until = 100_000; !simulation.done; until += 100_000) {
    const started = performance.now();
    simulation.step(until);
    wallMs += performance.now() - started;
    collect();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  const seconds = wallMs / 1000;
  const metrics = simulation.metrics();
  collect();
  // `simulation` is still referenced here, so this heap reading includes everything it holds.
  const after = process.memoryUsage().heapUsed;
  console.log(
    [
      model.padEnd(10),
      requests.toLocaleString('en').padStart(10),
      seconds.toFixed(2).padStart(8),
      Math.round(metrics.arrived / seconds).toLocaleString('en').padStart(12),
      mib(peak).padStart(11),
      mib(after).padStart(11),
      metrics.latencyMs.p99.toFixed(1).padStart(8),
    ].join(''),
  );
  if (metrics.served + metrics.dropped !== requests) throw new Error(`lost requests: ${JSON.stringify(metrics)}`);
}
