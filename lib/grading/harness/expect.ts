import { findDifference } from './equality';
import { formatValue } from './format';
import { WeakSetCtor, createObject, freeze, getOwnPropertyDescriptor, getPrototypeOf, isArray, is, mathAbs, mathPow, regexpSource, regexpTest, hasBrand, stringIncludes, toStr, weakSetAdd, weakSetHas } from './intrinsics';

/** A constructor a value can be an instance of, or a thrown error's class. */
export type Constructor = abstract new (...args: never[]) => unknown;

/** The checks a test makes on one value, Jest-style. Each throws an assertion failure when it does not hold. */
export interface Matchers {
  /** Same value (`Object.is`): for primitives, or for the very same object. */
  toBe(expected: unknown): void;
  /** Same structure, recursively (arrays, plain objects, class instances, Map, Set, Date). */
  toEqual(expected: unknown): void;
  toBeUndefined(): void;
  toBeDefined(): void;
  toBeNull(): void;
  toBeTruthy(): void;
  toBeFalsy(): void;
  toBeGreaterThan(expected: number | bigint): void;
  toBeGreaterThanOrEqual(expected: number | bigint): void;
  toBeLessThan(expected: number | bigint): void;
  toBeLessThanOrEqual(expected: number | bigint): void;
  /** |received − expected| < 10^−digits / 2; digits defaults to 2. */
  toBeCloseTo(expected: number, digits?: number): void;
  /** An array holding this very item, or a string holding this substring. */
  toContain(item: unknown): void;
  /** An array holding an item that `toEqual`s this one. */
  toContainEqual(item: unknown): void;
  toHaveLength(length: number): void;
  toMatch(pattern: RegExp | string): void;
  toBeInstanceOf(type: Constructor): void;
  /** Calls the received function; passes when it throws (an error of this class, or whose message contains/matches this). */
  toThrow(expected?: string | RegExp | Constructor): void;
}

export interface Expectation extends Matchers {
  /** The same checks, inverted. */
  readonly not: Matchers;
}

/** What a failed check reports: a message and, where it helps, both values printed. */
export interface AssertionFailure {
  readonly message: string;
  readonly expected?: string;
  readonly actual?: string;
}

const failures = new WeakSetCtor<object>();

/** True for failures thrown by `expect`, which learner code cannot counterfeit (they are kept in a private WeakSet). */
export function isAssertionFailure(error: unknown): error is AssertionFailure {
  return typeof error === 'object' && error !== null && weakSetHas(failures, error);
}

function fail(message: string, expected?: string, actual?: string): never {
  const failure = createObject(null) as { message: string; expected?: string; actual?: string };
  failure.message = message;
  if (expected !== undefined) failure.expected = expected;
  if (actual !== undefined) failure.actual = actual;
  weakSetAdd(failures, freeze(failure));
  throw failure;
}

interface Outcome {
  pass: boolean;
  /** The value the matcher wanted; printed as "Expected:" when the key is present. */
  expected?: unknown;
  /** Print "Received:" (default true; toThrow's received value is just the function). */
  showReceived?: boolean;
  /** More explanation under the values. */
  detail?: () => string;
}

const show = (value: unknown) => formatValue(value);

/** Starts an assertion on `actual`; see Matchers. */
export function expect(actual: unknown): Expectation {
  const expectation = matchers(actual, false) as Matchers & { not?: Matchers };
  expectation.not = freeze(matchers(actual, true));
  return freeze(expectation as Expectation);
}

function matchers(actual: unknown, negated: boolean): Matchers {
  const check = (name: string, argument: string, outcome: Outcome): void => {
    if (outcome.pass !== negated) return;
    const hasExpected = 'expected' in outcome;
    const expectedText = hasExpected ? show(outcome.expected) : undefined;
    const actualText = outcome.showReceived === false ? undefined : show(actual);
    let message = `expect(received)${negated ? '.not' : ''}.${name}(${argument})\n`;
    if (expectedText !== undefined) message += `\nExpected: ${negated ? 'not ' : ''}${expectedText}`;
    if (actualText !== undefined) message += `\nReceived: ${actualText}`;
    const detail = outcome.detail ? outcome.detail() : '';
    if (detail) message += `\n\n${detail}`;
    fail(message, expectedText, actualText);
  };
  const numeric = (name: string, expected: number | bigint, holds: (a: number | bigint, e: number | bigint) => boolean) => {
    const ok = (typeof actual === 'number' || typeof actual === 'bigint') && (typeof expected === 'number' || typeof expected === 'bigint');
    if (!ok) fail(`expect(received).${name}(expected)\n\n${name} compares numbers; received ${show(actual)}`, show(expected), show(actual));
    check(name, 'expected', { pass: holds(actual as number | bigint, expected), expected });
  };

  const result: Matchers = {
    toBe(expected) {
      check('toBe', 'expected', {
        pass: is(actual, expected),
        expected,
        detail: () => (typeof expected === 'object' && expected !== null && !is(actual, expected) && !findDifference(actual, expected) ? 'The values have the same structure but are not the same object: use toEqual.' : ''),
      });
    },
    toEqual(expected) {
      const difference = findDifference(actual, expected);
      check('toEqual', 'expected', {
        pass: difference === undefined,
        expected,
        detail: () => {
          if (!difference || (!difference.path && !difference.reason)) return '';
          const where = difference.path ? `at ${difference.path}` : '';
          const reason = difference.reason ? `${where ? ' ' : ''}(${difference.reason})` : '';
          return `First difference ${where}${reason}: expected ${show(difference.expected)}, received ${show(difference.actual)}`;
        },
      });
    },
    toBeUndefined: () => check('toBeUndefined', '', { pass: actual === undefined }),
    toBeDefined: () => check('toBeDefined', '', { pass: actual !== undefined }),
    toBeNull: () => check('toBeNull', '', { pass: actual === null }),
    toBeTruthy: () => check('toBeTruthy', '', { pass: !!actual }),
    toBeFalsy: () => check('toBeFalsy', '', { pass: !actual }),
    toBeGreaterThan: (expected) => numeric('toBeGreaterThan', expected, (a, e) => a > e),
    toBeGreaterThanOrEqual: (expected) => numeric('toBeGreaterThanOrEqual', expected, (a, e) => a >= e),
    toBeLessThan: (expected) => numeric('toBeLessThan', expected, (a, e) => a < e),
    toBeLessThanOrEqual: (expected) => numeric('toBeLessThanOrEqual', expected, (a, e) => a <= e),
    toBeCloseTo(expected, digits = 2) {
      const tolerance = mathPow(10, -digits) / 2;
      const pass = typeof actual === 'number' && mathAbs(actual - expected) < tolerance;
      check('toBeCloseTo', `expected, ${digits}`, { pass, expected, detail: () => `Allowed difference: less than ${tolerance}` });
    },
    toContain(item) {
      let pass = false;
      if (typeof actual === 'string') pass = typeof item === 'string' && stringIncludes(actual, item);
      else if (isArray(actual)) for (let i = 0; i < actual.length && !pass; i++) pass = is(actual[i], item) || (actual[i] === 0 && item === 0);
      else fail(`expect(received).toContain(item)\n\ntoContain needs an array or a string; received ${show(actual)}`, show(item), show(actual));
      check('toContain', 'item', { pass, expected: item });
    },
    toContainEqual(item) {
      if (!isArray(actual)) fail(`expect(received).toContainEqual(item)\n\ntoContainEqual needs an array; received ${show(actual)}`, show(item), show(actual));
      let pass = false;
      for (let i = 0; i < actual.length && !pass; i++) pass = findDifference(actual[i], item) === undefined;
      check('toContainEqual', 'item', { pass, expected: item });
    },
    toHaveLength(length) {
      const own = typeof actual === 'string' || isArray(actual) ? (actual as { length: number }).length : undefined;
      check('toHaveLength', 'length', { pass: own === length, expected: length, detail: () => `Received length: ${toStr(own)}` });
    },
    toMatch(pattern) {
      const pass = typeof actual === 'string' && (typeof pattern === 'string' ? stringIncludes(actual, pattern) : regexpTest(pattern, actual));
      check('toMatch', 'pattern', { pass, expected: pattern });
    },
    toBeInstanceOf(type) {
      const pass = typeof actual === 'object' && actual !== null && actual instanceof type;
      check('toBeInstanceOf', typeName(type), { pass });
    },
    toThrow(expected) {
      if (typeof actual !== 'function') fail('expect(received).toThrow()\n\nPass a function that makes the call: expect(() => balancer.pick([])).toThrow()', undefined, show(actual));
      let threw = false;
      let error: unknown;
      try {
        (actual as () => unknown)();
      } catch (caught) {
        threw = true;
        error = caught;
      }
      const argument = expected === undefined ? '' : typeof expected === 'function' ? typeName(expected) : show(expected);
      const message = threw ? thrownMessage(error) : '';
      let pass = threw;
      if (threw && typeof expected === 'string') pass = stringIncludes(message, expected);
      else if (threw && typeof expected === 'function') pass = typeof error === 'object' && error !== null && error instanceof expected;
      else if (threw && typeof expected === 'object' && hasBrand(expected, regexpSource)) pass = regexpTest(expected as RegExp, message);
      check('toThrow', argument, {
        pass,
        showReceived: false,
        detail: () => {
          if (!threw) return 'The function did not throw.';
          return pass ? `Thrown: ${show(error)}` : `Thrown: ${show(error)}\nIt does not match ${argument}.`;
        },
      });
    },
  };
  return result;
}

function thrownMessage(error: unknown): string {
  if (typeof error !== 'object' || error === null) return typeof error === 'string' ? error : toStr(typeof error === 'symbol' ? 'symbol' : error);
  for (let current: object | null = error, hops = 0; current && hops < 20; current = getPrototypeOf(current) as object | null, hops++) {
    const descriptor = getOwnPropertyDescriptor(current, 'message');
    if (descriptor) return 'value' in descriptor && typeof descriptor.value === 'string' ? descriptor.value : '';
  }
  return '';
}

function typeName(type: unknown): string {
  if (typeof type !== 'function') return show(type);
  const descriptor = getOwnPropertyDescriptor(type, 'name');
  return descriptor && typeof descriptor.value === 'string' && descriptor.value ? descriptor.value : 'the class';
}
