import { expect, test } from '@/lib/grading/test-api';
import { OutlierDetector } from './solution';
import type { Outcome, OutlierEvent } from './types';

function respond(detector: OutlierDetector, host: string, outcome: Outcome, from: number, count: number): OutlierEvent[] {
  const events: OutlierEvent[] = [];
  for (let i = 0; i < count; i++) events.push(...detector.recordResponse(host, outcome, from + i * 1000));
  return events;
}

test('a host ejected again soon after returning stays out twice as long', () => {
  const detector = new OutlierDetector(['a', 'b', 'c'], 0);
  respond(detector, 'a', 503, 1000, 5);
  detector.advance(40_000);
  expect(respond(detector, 'a', 503, 41_000, 5)).toEqual([{ kind: 'ejected', host: 'a', at: 45_000, until: 105_000 }]);
  expect(detector.advance(100_000)).toEqual([]);
  expect(detector.advance(110_000)).toEqual([{ kind: 'returned', host: 'a', at: 110_000 }]);
}, { checks: 'a host ejected again soon after returning' });

test('a host that stays healthy for an interval after returning is forgiven one step', () => {
  const detector = new OutlierDetector(['a', 'b', 'c'], 0);
  respond(detector, 'a', 503, 1000, 5);
  detector.advance(50_000);
  expect(respond(detector, 'a', 503, 51_000, 5)).toEqual([{ kind: 'ejected', host: 'a', at: 55_000, until: 85_000 }]);
}, { checks: 'a host that stays healthy after returning' });

test('no ejection lasts longer than the maximum ejection time', () => {
  const detector = new OutlierDetector(['a', 'b', 'c'], 0, { maxEjectionTimeMs: 60_000 });
  respond(detector, 'a', 503, 1000, 5);
  detector.advance(40_000);
  respond(detector, 'a', 503, 41_000, 5);
  detector.advance(110_000);
  expect(respond(detector, 'a', 503, 111_000, 5)).toEqual([{ kind: 'ejected', host: 'a', at: 115_000, until: 175_000 }]);
}, { checks: 'the maximum ejection time' });

test('refuses an ejection that would put more than max_ejection_percent of hosts out', () => {
  const hosts = Array.from({ length: 10 }, (_, i) => `h${i}`);
  const detector = new OutlierDetector(hosts, 0);
  respond(detector, 'h0', 503, 1000, 5);
  expect(respond(detector, 'h1', 503, 1500, 5)).toEqual([{ kind: 'ejection-refused', host: 'h1', at: 5500 }]);
  expect(detector.isEjected('h1')).toBe(false);
  expect(detector.advance(40_000)).toEqual([{ kind: 'returned', host: 'h0', at: 40_000 }]);
  expect(respond(detector, 'h1', 503, 41_000, 5)).toEqual([{ kind: 'ejected', host: 'h1', at: 45_000, until: 75_000 }]);
}, { checks: 'the max_ejection_percent limit' });

test('one host can always be ejected, even when it is more than max_ejection_percent of a small cluster', () => {
  const detector = new OutlierDetector(['a', 'b', 'c'], 0);
  const events = [...respond(detector, 'a', 503, 1000, 5), ...respond(detector, 'b', 503, 1500, 5)];
  expect(events).toEqual([
    { kind: 'ejected', host: 'a', at: 5000, until: 35_000 },
    { kind: 'ejection-refused', host: 'b', at: 5500 },
  ]);
}, { checks: 'ejection in a small cluster' });

test('errors that reach an ejected host neither extend its ejection nor eject it again on return', () => {
  const detector = new OutlierDetector(['a', 'b', 'c'], 0);
  respond(detector, 'a', 503, 1000, 5);
  expect(respond(detector, 'a', 503, 6000, 7)).toEqual([]);
  expect(detector.advance(40_000)).toEqual([{ kind: 'returned', host: 'a', at: 40_000 }]);
  expect(detector.recordResponse('a', 503, 41_000)).toEqual([]);
}, { checks: 'errors that reach an ejected host' });

test('a response from a host it does not know is an error', () => {
  const detector = new OutlierDetector(['a'], 0);
  expect(() => detector.recordResponse('z', 200, 10)).toThrow();
}, { checks: 'a response from an unknown host' });
