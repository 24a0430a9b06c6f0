/// <reference lib="webworker" />
import { raceLocally } from '@/lib/capstone/local-race';
import { runTestsLocally } from '@/lib/grading/local-run';
import { MIN_RUN_LIMIT_MS, type FromRunner, type FromRunnerWorker, type ToRunner, type ToRunnerWorker } from './runner-protocol';

/*
 * One script, two roles (bundled by /sandbox/runner.js): in the runner iframe it keeps a warm
 * worker and enforces the time limit; started again as that worker (a blob that importScripts
 * this file) it runs the learner's code once and is then thrown away, since lockdown has frozen
 * its realm. Learner code only ever runs in the worker.
 */

if (typeof window === 'undefined') runAsWorker(self as unknown as DedicatedWorkerGlobalScope);
else runAsFrame();

function runAsWorker(scope: DedicatedWorkerGlobalScope): void {
  const post = scope.postMessage.bind(scope) as (message: FromRunnerWorker) => void;
  scope.onmessage = (event: MessageEvent<ToRunnerWorker>) => {
    const message = event.data;
    if (message?.type !== 'run' && message?.type !== 'race') return;
    scope.onmessage = null;
    hideChannel(scope);
    if (message.type === 'race') {
      post({ type: 'raced', report: raceLocally(message.solution) });
      return;
    }
    const result = runTestsLocally({
      solution: message.solution,
      visibleTests: message.visibleTests,
      lockdown: true,
      consoleSink: (level, text, test) => post({ type: 'console', level, text, test }),
    });
    post({ type: 'done', result });
  };
  post({ type: 'ready' });
}

/** Learner code should not post fake results: the worker's own handle to the frame is kept above, the global one removed. */
function hideChannel(scope: DedicatedWorkerGlobalScope): void {
  for (const target of [scope, Object.getPrototypeOf(scope) as object]) {
    try {
      Object.defineProperty(target, 'postMessage', { value: undefined, configurable: false, writable: false });
    } catch {
      // Not configurable here: the result is only the learner's own Run display; the judge decides.
    }
  }
}

interface Slot {
  worker: Worker;
  ready: boolean;
}

function runAsFrame(): void {
  const scriptUrl = (document.currentScript as HTMLScriptElement).src;
  // A blob worker shares the frame's opaque origin and CSP; it loads this same file.
  const workerUrl = URL.createObjectURL(new Blob([`importScripts(${JSON.stringify(scriptUrl)});`], { type: 'text/javascript' }));
  const toPage = (message: FromRunner) => window.parent.postMessage(message, '*');

  let warm: Slot | undefined;
  let active: { slot: Slot; runId: number; timer?: ReturnType<typeof setTimeout>; started: number; limitMs: number } | undefined;

  const spawn = (): Slot => {
    const slot: Slot = { worker: new Worker(workerUrl, { name: 'exercise-run' }), ready: false };
    slot.worker.onmessage = (event: MessageEvent<FromRunnerWorker>) => onWorkerMessage(slot, event.data);
    slot.worker.onerror = (event) => {
      event.preventDefault();
      // The message can be learner text (reportError, a throw at the top level): the page makes it printable; keep it small here.
      if (active?.slot === slot) finish({ type: 'crashed', runId: active.runId, message: String(event.message || 'The test worker stopped unexpectedly (out of memory?).').slice(0, 1000) });
      else if (warm === slot) warm = undefined;
    };
    return slot;
  };

  const startTimer = () => {
    if (!active || active.timer) return;
    const run = active;
    run.timer = setTimeout(() => finish({ type: 'timeout', runId: run.runId, limitMs: run.limitMs }), run.limitMs);
  };

  const finish = (message: FromRunner) => {
    if (!active) return;
    clearTimeout(active.timer);
    active.slot.worker.terminate();
    active = undefined;
    toPage(message);
    warm ??= spawn();
  };

  const onWorkerMessage = (slot: Slot, message: FromRunnerWorker) => {
    if (message.type === 'ready') {
      slot.ready = true;
      if (active?.slot === slot) startTimer();
      else if (warm === slot) toPage({ type: 'ready' });
      return;
    }
    if (active?.slot !== slot) return;
    if (message.type === 'console') toPage({ type: 'console', runId: active.runId, level: message.level, text: message.text, test: message.test });
    else if (message.type === 'done') finish({ type: 'done', runId: active.runId, result: message.result, durationMs: performance.now() - active.started });
    else if (message.type === 'raced') finish({ type: 'raced', runId: active.runId, report: message.report, durationMs: performance.now() - active.started });
  };

  window.addEventListener('message', (event: MessageEvent<ToRunner>) => {
    if (event.source !== window.parent) return;
    if (event.data?.type === 'hello') {
      // Only a loaded worker makes the frame ready; one still loading says so itself when it is.
      if (warm?.ready) toPage({ type: 'ready' });
      return;
    }
    if (event.data?.type !== 'run' && event.data?.type !== 'race') return;
    const request = event.data;
    const { runId, timeLimitMs } = request;
    if (active) {
      clearTimeout(active.timer);
      active.slot.worker.terminate();
      active = undefined;
    }
    const slot = warm ?? spawn();
    warm = undefined;
    active = { slot, runId, started: performance.now(), limitMs: Math.max(MIN_RUN_LIMIT_MS, timeLimitMs) };
    toPage({ type: 'started', runId, warm: slot.ready });
    const job: ToRunnerWorker = request.type === 'run' ? { type: 'run', solution: request.solution, visibleTests: request.visibleTests } : { type: 'race', solution: request.solution };
    slot.worker.postMessage(job);
    // The clock starts once the worker has loaded: a cold start is not the learner's time.
    if (slot.ready) startTimer();
    warm = spawn();
  });

  warm = spawn();
}
