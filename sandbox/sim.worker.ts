/// <reference lib="webworker" />
import { LabRun, type Speed } from '@/lib/lab/lab-run';
import { validateLabState } from '@/lib/lab/lab-state';
import { FRAMES_PER_SECOND, type FromSimWorker, type ToSimWorker } from './sim-protocol';

// Runs lib/sim off the main thread and streams frames: the page only draws.
declare const self: DedicatedWorkerGlobalScope;

let run: LabRun | undefined;
let runId = 0;
let playing = false;
let speed: Speed = 1;
let lastTick = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

const post = (message: FromSimWorker) => self.postMessage(message);

function schedule() {
  clearTimeout(timer);
  if (playing) timer = setTimeout(tick, 1000 / FRAMES_PER_SECOND);
}

function tick() {
  if (!run) return;
  const now = performance.now();
  const frame = run.tick(now - lastTick, speed);
  lastTick = now;
  if (frame.done) playing = false;
  post({ type: 'frame', runId, playing, frame });
  schedule();
}

function fail(error: unknown) {
  playing = false;
  clearTimeout(timer);
  post({ type: 'error', runId, message: error instanceof Error ? error.message : String(error) });
}

self.onmessage = (event: MessageEvent<ToSimWorker>) => {
  const message = event.data;
  try {
    switch (message.type) {
      case 'load': {
        runId = message.runId;
        const checked = validateLabState(message.state);
        if (!checked.ok) throw new Error(checked.errors.join('; '));
        run = new LabRun(checked.state);
        speed = message.speed;
        playing = message.playing;
        lastTick = performance.now();
        post({ type: 'frame', runId, playing, frame: run.step(0) });
        schedule();
        break;
      }
      case 'play':
        if (!run || run.done) return;
        playing = true;
        lastTick = performance.now();
        schedule();
        break;
      case 'pause':
        playing = false;
        clearTimeout(timer);
        if (run) post({ type: 'frame', runId, playing, frame: run.step(0) });
        break;
      case 'step':
        if (run) post({ type: 'frame', runId, playing, frame: run.step(message.simulatedMs) });
        break;
      case 'speed':
        speed = message.speed;
        break;
      case 'command':
        if (run) post({ type: 'command-applied', runId, command: run.apply(message.command) });
        break;
    }
  } catch (error) {
    fail(error);
  }
};
