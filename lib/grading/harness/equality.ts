import {
  apply,
  dateGetTime,
  getOwnPropertyDescriptor,
  hasBrand,
  is,
  isArray,
  mapForEach,
  mapGet,
  mapHas,
  mapSize,
  objectToString,
  ownKeys,
  regexpFlags,
  regexpSource,
  regexpTest,
  setForEach,
  setHas,
  setSize,
  stringify,
  toStr,
} from './intrinsics';

/** Where two values first differ, for a message such as `at [1].id: expected "b", received "c"`. */
export interface Difference {
  /** `""` for the values themselves, else a path such as `[2].servers["b-1"]`. */
  path: string;
  expected: unknown;
  actual: unknown;
  /** Set when the values are not simply different: "missing property", "unexpected property", … */
  reason?: string;
}

const MAX_DEPTH = 64;

/**
 * `toEqual` semantics, as in Jest: structural equality that ignores prototypes and properties whose
 * value is undefined; `Object.is` for primitives except that 0 equals −0. Maps, Sets, Dates and
 * RegExps compare by content. Returns the first difference, or undefined when equal.
 */
export function findDifference(actual: unknown, expected: unknown): Difference | undefined {
  return compare(actual, expected, '', [], [], 0);
}

/** True when `toEqual` would pass. */
export function deepEqual(actual: unknown, expected: unknown): boolean {
  return findDifference(actual, expected) === undefined;
}

function compare(actual: unknown, expected: unknown, path: string, seenActual: unknown[], seenExpected: unknown[], depth: number): Difference | undefined {
  if (is(actual, expected) || (actual === 0 && expected === 0)) return undefined;
  const differ = (reason?: string): Difference => (reason ? { path, expected, actual, reason } : { path, expected, actual });
  if (typeof actual !== 'object' || typeof expected !== 'object' || actual === null || expected === null) return differ();
  if (depth > MAX_DEPTH) return differ('nested too deeply to compare');
  // A cycle that lines up on both sides is equal as far as this walk can tell.
  for (let i = 0; i < seenActual.length; i++) if (seenActual[i] === actual && seenExpected[i] === expected) return undefined;
  const nextActual = appended(seenActual, actual);
  const nextExpected = appended(seenExpected, expected);
  const child = (a: unknown, e: unknown, childPath: string) => compare(a, e, childPath, nextActual, nextExpected, depth + 1);

  if (isArray(expected) || isArray(actual)) {
    if (!isArray(expected) || !isArray(actual)) return differ(isArray(expected) ? 'expected an array' : 'did not expect an array');
    const a = actual as unknown[];
    const e = expected as unknown[];
    const shared = a.length < e.length ? a.length : e.length;
    for (let i = 0; i < shared; i++) {
      const found = child(a[i], e[i], `${path}[${i}]`);
      if (found) return found;
    }
    return a.length === e.length ? undefined : differ(`expected length ${e.length}, received length ${a.length}`);
  }
  const expectedMap = hasBrand(expected, mapSize);
  if (expectedMap || hasBrand(actual, mapSize)) {
    if (!expectedMap || !hasBrand(actual, mapSize)) return differ(expectedMap ? 'expected a Map' : 'did not expect a Map');
    const a = actual as Map<unknown, unknown>;
    const e = expected as Map<unknown, unknown>;
    if (mapSize(a) !== mapSize(e)) return differ(`expected ${mapSize(e)} entries, received ${mapSize(a)}`);
    let found: Difference | undefined;
    mapForEach(e, (value, key) => {
      if (found) return;
      const keyPath = `${path}.get(${typeof key === 'string' ? stringify(key) : toStr(typeof key === 'symbol' ? 'symbol' : key)})`;
      found = mapHas(a, key) ? child(mapGet(a, key), value, keyPath) : { path: keyPath, expected: value, actual: undefined, reason: 'missing entry' };
    });
    return found;
  }
  const expectedSet = hasBrand(expected, setSize);
  if (expectedSet || hasBrand(actual, setSize)) {
    if (!expectedSet || !hasBrand(actual, setSize)) return differ(expectedSet ? 'expected a Set' : 'did not expect a Set');
    const a = actual as Set<unknown>;
    const e = expected as Set<unknown>;
    if (setSize(a) !== setSize(e)) return differ(`expected ${setSize(e)} members, received ${setSize(a)}`);
    let missing = false;
    setForEach(e, (value) => {
      if (missing || setHas(a, value)) return;
      let matched = false;
      setForEach(a, (candidate) => {
        if (!matched && typeof candidate === 'object' && !child(candidate, value, path)) matched = true;
      });
      if (!matched) missing = true;
    });
    return missing ? differ('the sets have different members') : undefined;
  }
  const expectedDate = hasBrand(expected, dateGetTime);
  if (expectedDate || hasBrand(actual, dateGetTime)) {
    if (!expectedDate || !hasBrand(actual, dateGetTime)) return differ();
    const a = dateGetTime(actual as Date);
    const e = dateGetTime(expected as Date);
    return is(a, e) ? undefined : differ();
  }
  const expectedRegExp = hasBrand(expected, regexpSource);
  if (expectedRegExp || hasBrand(actual, regexpSource)) {
    if (!expectedRegExp || !hasBrand(actual, regexpSource)) return differ();
    const same = regexpSource(actual as RegExp) === regexpSource(expected as RegExp) && regexpFlags(actual as RegExp) === regexpFlags(expected as RegExp);
    return same ? undefined : differ();
  }
  if (objectToString(expected) === '[object Error]' && objectToString(actual) === '[object Error]') {
    return child(propertyValue(actual, 'message'), propertyValue(expected, 'message'), `${path}.message`);
  }

  const expectedKeys = definedKeys(expected);
  const actualKeys = definedKeys(actual);
  for (let i = 0; i < expectedKeys.length; i++) {
    const key = expectedKeys[i]!;
    const keyPath = path + propertyPath(key);
    if (!includes(actualKeys, key)) return { path: keyPath, expected: propertyValue(expected, key), actual: undefined, reason: 'missing property' };
    const found = child(propertyValue(actual, key), propertyValue(expected, key), keyPath);
    if (found) return found;
  }
  for (let i = 0; i < actualKeys.length; i++) {
    const key = actualKeys[i]!;
    if (!includes(expectedKeys, key)) return { path: path + propertyPath(key), expected: undefined, actual: propertyValue(actual, key), reason: 'unexpected property' };
  }
  return undefined;
}

/** Own enumerable string keys whose value is not undefined (Jest's toEqual ignores those). */
function definedKeys(object: object): string[] {
  const keys = ownKeys(object);
  const result: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (typeof key !== 'string') continue;
    const descriptor = getOwnPropertyDescriptor(object, key);
    if (descriptor?.enumerable && propertyValue(object, key) !== undefined) result[result.length] = key;
  }
  return result;
}

/** An own property's value; an own getter runs (it belongs to the value being compared). */
function propertyValue(object: object, key: string): unknown {
  const descriptor = getOwnPropertyDescriptor(object, key);
  if (!descriptor) return undefined;
  if ('value' in descriptor) return descriptor.value;
  const get = descriptor.get;
  return get ? apply(get, object, []) : undefined;
}

function includes(list: readonly string[], key: string): boolean {
  for (let i = 0; i < list.length; i++) if (list[i] === key) return true;
  return false;
}

function appended(list: unknown[], item: unknown): unknown[] {
  const copy: unknown[] = [];
  for (let i = 0; i < list.length; i++) copy[i] = list[i];
  copy[list.length] = item;
  return copy;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function propertyPath(key: string): string {
  return regexpTest(IDENTIFIER, key) ? `.${key}` : `[${stringify(key)}]`;
}
