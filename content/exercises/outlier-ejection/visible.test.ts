import { expect, test } from '@/lib/grading/test-api';
import { OutlierDetector } from './solution';
import type { Outcome, OutlierEvent } from './types';

/** Sends `count` responses to `host`, one a second from `from`; returns every event they caused. */
function respond(detector: OutlierDetector, host: string, outcome: Outcome, from: number, count: number): OutlierEvent[] {
  const events: OutlierEvent[] = [];
  for (let i = 0; i < count; i++) events.push(...detector.recordResponse(host, outcome, from + i * 1000));
  return events;
}

test('five errors in a row eject the host for the base ejection time', () => {
  const detector = new OutlierDetector(['a', 'b', 'c'], 0);
  expect(respond(detector, 'a', 503, 1000, 5)).toEqual([{ kind: 'ejected', host: 'a', at: 5000, until: 35_000 }]);
  expect([detector.isEjected('a'), detector.isEjected('b')]).toEqual([true, false]);
});

test('four errors are not enough', () => {
  const detector = new OutlierDetector(['a', 'b', 'c'], 0);
  expect(respond(detector, 'a', 500, 1000, 4)).toEqual([]);
  expect(detector.isEjected('a')).toBe(false);
});

test('a success in between starts the count again', () => {
  const detector = new OutlierDetector(['a', 'b', 'c'], 0);
  respond(detector, 'a', 503, 1000, 4);
  detector.recordResponse('a', 200, 5000);
  expect(respond(detector, 'a', 503, 6000, 4)).toEqual([]);
  expect(detector.recordResponse('a', 503, 10_500)).toEqual([{ kind: 'ejected', host: 'a', at: 10_500, until: 40_500 }]);
});

test('an ejected host returns at the first sweep after its time is up', () => {
  const detector = new OutlierDetector(['a', 'b', 'c'], 0);
  respond(detector, 'a', 503, 1000, 5);
  expect(detector.advance(30_000)).toEqual([]);
  expect(detector.advance(40_000)).toEqual([{ kind: 'returned', host: 'a', at: 40_000 }]);
  expect(detector.isEjected('a')).toBe(false);
});

test('404s do not count as errors; timeouts and resets do', () => {
  const detector = new OutlierDetector(['a', 'b', 'c'], 0);
  expect(respond(detector, 'a', 404, 1000, 6)).toEqual([]);
  const events = [...respond(detector, 'b', 'timeout', 7000, 3), ...respond(detector, 'b', 'reset', 10_000, 2)];
  expect(events).toEqual([{ kind: 'ejected', host: 'b', at: 11_000, until: 41_000 }]);
});
