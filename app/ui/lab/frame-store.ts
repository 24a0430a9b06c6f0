import { FrameHistory } from '@/lib/lab/frame-history';
import type { LabFrame } from '@/lib/lab/lab-run';

export type RunStatus = 'starting' | 'playing' | 'paused' | 'done' | 'error';

/** What React renders from: replaced at most a few times a second, so controls and tables never re-render per frame. */
export interface RunView {
  status: RunStatus;
  frame: LabFrame | undefined;
  error: string | undefined;
}

/** How often tables and numbers refresh: readable, and cheap next to drawing. */
const VIEW_REFRESH_MS = 250;

/**
 * Frames from the worker, held outside React. The canvas reads `latest` on every animation
 * frame; charts and tables subscribe to the throttled view.
 */
export class FrameStore {
  latest: LabFrame | undefined;
  history = new FrameHistory();
  private view: RunView = { status: 'starting', frame: undefined, error: undefined };
  private readonly listeners = new Set<() => void>();
  private lastPublished = 0;
  private pending: ReturnType<typeof setTimeout> | undefined;

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getView = () => this.view;

  /** Starts over for a new run. */
  reset(): void {
    this.latest = undefined;
    this.history = new FrameHistory();
    this.publish({ status: 'starting', frame: undefined, error: undefined });
  }

  receive(frame: LabFrame, playing: boolean): void {
    this.latest = frame;
    this.history.push(frame);
    const status: RunStatus = frame.done ? 'done' : playing ? 'playing' : 'paused';
    // Status changes show at once; a stream of ordinary frames is sampled.
    if (status !== this.view.status) this.publish({ status, frame, error: undefined });
    else this.publishSoon();
  }

  fail(message: string): void {
    this.publish({ status: 'error', frame: this.latest, error: message });
  }

  private publishSoon(): void {
    if (this.pending) return;
    const wait = Math.max(0, this.lastPublished + VIEW_REFRESH_MS - performance.now());
    this.pending = setTimeout(() => this.publish({ ...this.view, frame: this.latest }), wait);
  }

  private publish(view: RunView): void {
    clearTimeout(this.pending);
    this.pending = undefined;
    this.lastPublished = performance.now();
    this.view = view;
    for (const listener of this.listeners) listener();
  }
}
