import {
  dateGetTime,
  dateToISOString,
  getOwnPropertyDescriptor,
  getPrototypeOf,
  hasBrand,
  isArray,
  is,
  mapForEach,
  mapSize,
  objectToString,
  ownKeys,
  regexpFlags,
  regexpSource,
  regexpTest,
  setForEach,
  setSize,
  stringify,
  stringSlice,
  symbolToString,
  toStr,
} from './intrinsics';

/** How much of a value to print: deep or long values are cut, so a huge answer cannot flood the report. */
export interface FormatOptions {
  depth: number;
  maxItems: number;
  maxLength: number;
}

export const DEFAULT_FORMAT: FormatOptions = { depth: 4, maxItems: 30, maxLength: 2000 };

/**
 * A value as a learner reads it in test output: `"a"`, `[1, 2]`, `Server { id: "a" }`, `Map(1) { "k" => 1 }`.
 * Reads own property descriptors only, so printing never runs a learner getter (a Proxy's traps
 * still run; whatever they throw prints as `[unprintable]`).
 */
export function formatValue(value: unknown, options: FormatOptions = DEFAULT_FORMAT): string {
  const text = safely(() => format(value, options, options.depth, []));
  return text.length > options.maxLength ? `${stringSlice(text, 0, options.maxLength)}…` : text;
}

function safely(print: () => string): string {
  try {
    return print();
  } catch {
    return '[unprintable]';
  }
}

function format(value: unknown, options: FormatOptions, depth: number, ancestors: unknown[]): string {
  switch (typeof value) {
    case 'string':
      return stringify(value);
    case 'number':
      return is(value, -0) ? '-0' : toStr(value);
    case 'bigint':
      return `${toStr(value)}n`;
    case 'boolean':
    case 'undefined':
      return toStr(value);
    case 'symbol':
      return symbolToString(value);
    case 'function':
      return `[Function ${ownString(value, 'name') || '(anonymous)'}]`;
  }
  if (value === null) return 'null';
  const object = value as object;
  for (let i = 0; i < ancestors.length; i++) if (ancestors[i] === object) return '[Circular]';
  const nested: unknown[] = [];
  for (let i = 0; i < ancestors.length; i++) nested[i] = ancestors[i];
  nested[ancestors.length] = object;
  const item = (inner: unknown): string => safely(() => format(inner, options, depth - 1, nested));

  if (isArray(object)) {
    if (depth < 0) return '[Array]';
    const list = object as unknown[];
    const shown: string[] = [];
    const length = list.length;
    for (let i = 0; i < length && i < options.maxItems; i++) shown[shown.length] = item(ownValue(list, toStr(i)));
    if (length > options.maxItems) shown[shown.length] = `… ${length - options.maxItems} more`;
    return `[${joined(shown)}]`;
  }
  if (hasBrand(object, mapSize)) {
    const map = object as Map<unknown, unknown>;
    if (depth < 0) return '[Map]';
    const shown: string[] = [];
    mapForEach(map, (entry, key) => {
      if (shown.length < options.maxItems) shown[shown.length] = `${item(key)} => ${item(entry)}`;
    });
    return `Map(${mapSize(map)}) {${shown.length ? ` ${joined(shown)} ` : ''}}`;
  }
  if (hasBrand(object, setSize)) {
    const set = object as Set<unknown>;
    if (depth < 0) return '[Set]';
    const shown: string[] = [];
    setForEach(set, (entry) => {
      if (shown.length < options.maxItems) shown[shown.length] = item(entry);
    });
    return `Set(${setSize(set)}) {${shown.length ? ` ${joined(shown)} ` : ''}}`;
  }
  if (hasBrand(object, dateGetTime)) {
    const time = dateGetTime(object as Date);
    return time === time ? `Date(${dateToISOString(object as Date)})` : 'Date(Invalid)';
  }
  if (hasBrand(object, regexpSource) && object !== RegExp.prototype) return `/${regexpSource(object as RegExp)}/${regexpFlags(object as RegExp)}`;
  if (objectToString(object) === '[object Error]') return `${ownOrProtoString(object, 'name') || 'Error'}: ${ownOrProtoString(object, 'message')}`;

  const name = constructorName(object);
  if (depth < 0) return `[${name || 'Object'}]`;
  const shown: string[] = [];
  const keys = ownKeys(object);
  let hidden = 0;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    if (typeof key !== 'string') continue;
    const descriptor = getOwnPropertyDescriptor(object, key);
    if (!descriptor?.enumerable) continue;
    if (shown.length >= options.maxItems) {
      hidden++;
      continue;
    }
    const shownValue = 'value' in descriptor ? item(descriptor.value) : '[Getter]';
    shown[shown.length] = `${propertyName(key)}: ${shownValue}`;
  }
  if (hidden) shown[shown.length] = `… ${hidden} more`;
  const prefix = name && name !== 'Object' ? `${name} ` : '';
  return shown.length ? `${prefix}{ ${joined(shown)} }` : `${prefix}{}`;
}

function joined(items: string[]): string {
  let text = '';
  for (let i = 0; i < items.length; i++) text += (i ? ', ' : '') + items[i];
  return text;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function propertyName(key: string): string {
  return regexpTest(IDENTIFIER, key) ? key : stringify(key);
}

function ownValue(object: object, key: string): unknown {
  const descriptor = getOwnPropertyDescriptor(object, key);
  if (!descriptor) return undefined;
  return 'value' in descriptor ? descriptor.value : '[Getter]';
}

function ownString(object: object, key: string): string {
  const value = ownValue(object, key);
  return typeof value === 'string' ? value : '';
}

/** A data property found on the object or up its prototype chain, without running getters. */
function ownOrProtoString(object: object, key: string): string {
  for (let current: object | null = object, hops = 0; current && hops < 20; current = getPrototypeOf(current) as object | null, hops++) {
    const descriptor = getOwnPropertyDescriptor(current, key);
    if (descriptor) return 'value' in descriptor && typeof descriptor.value === 'string' ? descriptor.value : '';
  }
  return '';
}

function constructorName(object: object): string {
  const proto = getPrototypeOf(object) as object | null;
  if (!proto) return '';
  const ctor = ownValue(proto, 'constructor');
  return typeof ctor === 'function' ? ownString(ctor, 'name') : '';
}
