import { WeakSetCtor, defineProperty, freeze, getOwnPropertyDescriptor, getPrototypeOf, ownKeys, weakSetAdd, weakSetHas } from './intrinsics';

/**
 * The ECMAScript globals lockdown freezes and pins. Deliberately not "everything on the global":
 * in a browser worker that would also freeze the host's Web APIs (postMessage, onmessage) which
 * the runner still needs; QuickJS has nothing else anyway.
 */
const STANDARD_GLOBALS = [
  'Object', 'Function', 'Array', 'Number', 'Boolean', 'String', 'Symbol', 'BigInt', 'Date', 'RegExp', 'Promise', 'Proxy', 'Reflect', 'JSON', 'Math',
  'Error', 'AggregateError', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'InternalError',
  'Map', 'Set', 'WeakMap', 'WeakSet', 'WeakRef', 'FinalizationRegistry', 'Iterator', 'ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Atomics',
  'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float16Array', 'Float32Array',
  'Float64Array', 'BigInt64Array', 'BigUint64Array', 'Intl',
  'parseInt', 'parseFloat', 'isNaN', 'isFinite', 'decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape', 'unescape', 'eval',
];

/** Built-ins that no global names: iterator and generator prototypes, %TypedArray%. Test code uses them (for…of). */
const HIDDEN_INTRINSICS: (() => unknown)[] = [
  () => getPrototypeOf([][Symbol.iterator]()),
  () => getPrototypeOf(new Map()[Symbol.iterator]()),
  () => getPrototypeOf(new Set()[Symbol.iterator]()),
  () => getPrototypeOf(''[Symbol.iterator]()),
  () => getPrototypeOf(/x/[Symbol.matchAll]('')),
  () => getPrototypeOf(function* generator() {}),
  () => getPrototypeOf(async function asyncFunction() {}),
  () => getPrototypeOf(async function* asyncGenerator() {}),
  () => getPrototypeOf(Int8Array),
  () => getPrototypeOf(([].values() as unknown as { map(fn: (x: unknown) => unknown): object }).map((x) => x)),
];

/**
 * Properties learner code may reasonably assign on its own objects (`this.name = 'MyError'`,
 * `obj.toString = …`). A frozen prototype makes such an assignment throw in strict mode (the
 * "override mistake"), so these become accessors whose setter defines the property on the object
 * itself, as SES does.
 */
const ASSIGNABLE: readonly (readonly [() => object, readonly string[]])[] = [
  [() => Object.prototype, ['constructor', 'toString', 'toLocaleString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable']],
  [() => Function.prototype, ['constructor', 'toString']],
  [() => Array.prototype, ['constructor', 'toString']],
  [() => Error.prototype, ['constructor', 'name', 'message', 'toString']],
  ...['EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'AggregateError', 'InternalError'].map(
    (name) => [() => (globalThis as unknown as Record<string, { prototype: object }>)[name]!.prototype, ['constructor', 'name', 'message']] as const,
  ),
];

/**
 * Freezes every built-in object reachable from the standard globals and makes those global
 * bindings read-only, so code that runs later (the learner's) cannot change how the exercise's
 * tests or the harness behave: no replacing `Array.prototype.map`, `JSON.stringify` or the array
 * iterator's `next`. Call it once, after the harness has loaded and before any learner code.
 * Never call it in a realm you want to keep using normally (Node, a page): it is irreversible.
 */
export function lockdown(global: object): void {
  for (const [protoOf, keys] of ASSIGNABLE) {
    let proto: object | undefined;
    try {
      proto = protoOf();
    } catch {
      continue;
    }
    for (const key of keys) makeAssignable(proto, key);
  }

  const roots: unknown[] = [];
  for (const name of STANDARD_GLOBALS) {
    const descriptor = getOwnPropertyDescriptor(global, name);
    if (!descriptor) continue;
    roots[roots.length] = descriptor.value;
    if (descriptor.configurable || descriptor.writable) defineProperty(global, name, { writable: false, configurable: false });
  }
  for (const hidden of HIDDEN_INTRINSICS) {
    try {
      roots[roots.length] = hidden();
    } catch {
      // Not every engine has every intrinsic (iterator helpers are new).
    }
  }
  deepFreeze(roots, global);
}

function makeAssignable(proto: object, key: string): void {
  const descriptor = getOwnPropertyDescriptor(proto, key);
  if (!descriptor || !('value' in descriptor) || !descriptor.configurable) return;
  const value: unknown = descriptor.value;
  defineProperty(proto, key, {
    get: () => value,
    set(this: object, next: unknown) {
      if (this === proto) throw new TypeError(`Cannot change the built-in ${key}`);
      if (getOwnPropertyDescriptor(this, key)) (this as Record<string, unknown>)[key] = next;
      else defineProperty(this, key, { value: next, writable: true, enumerable: true, configurable: true });
    },
    enumerable: descriptor.enumerable,
    configurable: false,
  });
}

function deepFreeze(roots: unknown[], global: object): void {
  const seen = new WeakSetCtor<object>();
  weakSetAdd(seen, global);
  const pending = roots;
  while (pending.length) {
    const next = pending.pop();
    if ((typeof next !== 'object' && typeof next !== 'function') || next === null || weakSetHas(seen, next)) continue;
    weakSetAdd(seen, next);
    freeze(next);
    pending.push(getPrototypeOf(next));
    for (const key of ownKeys(next)) {
      const descriptor = getOwnPropertyDescriptor(next, key);
      if (!descriptor) continue;
      if ('value' in descriptor) pending.push(descriptor.value);
      else pending.push(descriptor.get, descriptor.set);
    }
  }
}
