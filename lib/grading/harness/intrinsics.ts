/**
 * Built-ins the harness keeps its own copies of, taken when the harness loads, before any learner
 * code runs. Learner code shares the realm with the harness, so it could replace `JSON`, `Object.is`
 * or a prototype method; the harness calls only these copies. Lockdown (./lockdown.ts) then
 * freezes the originals too, which is what protects the exercise's own test code.
 *
 * This folder runs inside the judge's QuickJS isolate and in a browser worker: no imports from
 * outside it (type-only imports are fine) and nothing that needs Node or the DOM.
 */

type Method<T, A extends unknown[], R> = (this: T, ...args: A) => R;

const uncurryThis = Function.prototype.bind.bind(Function.prototype.call) as <T, A extends unknown[], R>(fn: Method<T, A, R>) => (self: T, ...args: A) => R;

/** `method.call(self, ...args)` without reading `.call` off anything learner code can reach. */
function uncurry<T, A extends unknown[], R>(method: Method<T, A, R>): (self: T, ...args: A) => R {
  return uncurryThis(method);
}

function getter<T>(proto: object, key: string): (self: T) => unknown {
  const get = Object.getOwnPropertyDescriptor(proto, key)?.get;
  if (!get) throw new TypeError(`harness: no getter ${key}`);
  return uncurry(get as Method<T, [], unknown>);
}

export const is = Object.is;
export const ownKeys = Reflect.ownKeys;
export const apply = Reflect.apply;
export const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
export const defineProperty = Object.defineProperty;
export const getPrototypeOf = Object.getPrototypeOf;
export const freeze = Object.freeze;
export const isFrozen = Object.isFrozen;
export const createObject = Object.create;
export const isArray = Array.isArray;
export const stringify = JSON.stringify;
export const now = Date.now;
export const toStr = String;
export const mathAbs = Math.abs;
export const mathPow = Math.pow;
export const WeakSetCtor = WeakSet;

export const stringSlice = uncurry(String.prototype.slice as Method<string, [number, number?], string>);
export const stringIncludes = uncurry(String.prototype.includes as Method<string, [string], boolean>);
export const stringSplit = uncurry(String.prototype.split as Method<string, [string], string[]>);
export const stringRepeat = uncurry(String.prototype.repeat as Method<string, [number], string>);
export const arrayJoin = uncurry(Array.prototype.join as Method<unknown[], [string], string>);
export const arrayPush = uncurry(Array.prototype.push as Method<unknown[], unknown[], number>);
export const regexpTest = uncurry(RegExp.prototype.test as Method<RegExp, [string], boolean>);
export const weakSetAdd = uncurry(WeakSet.prototype.add as Method<WeakSet<object>, [object], WeakSet<object>>);
export const weakSetHas = uncurry(WeakSet.prototype.has as Method<WeakSet<object>, [object], boolean>);
export const objectToString = uncurry(Object.prototype.toString as Method<unknown, [], string>);
export const symbolToString = uncurry(Symbol.prototype.toString as Method<symbol, [], string>);
export const dateToISOString = uncurry(Date.prototype.toISOString as Method<Date, [], string>);
export const dateGetTime = uncurry(Date.prototype.getTime as Method<Date, [], number>);
export const mapForEach = uncurry(Map.prototype.forEach as Method<Map<unknown, unknown>, [(value: unknown, key: unknown) => void], void>);
export const mapHas = uncurry(Map.prototype.has as Method<Map<unknown, unknown>, [unknown], boolean>);
export const mapGet = uncurry(Map.prototype.get as Method<Map<unknown, unknown>, [unknown], unknown>);
export const setForEach = uncurry(Set.prototype.forEach as Method<Set<unknown>, [(value: unknown) => void], void>);
export const setHas = uncurry(Set.prototype.has as Method<Set<unknown>, [unknown], boolean>);

// Brand checks: these built-in getters throw on anything that is not really a Map, Set, Date or
// RegExp, so a learner object cannot pose as one.
export const mapSize = getter<Map<unknown, unknown>>(Map.prototype, 'size') as (map: Map<unknown, unknown>) => number;
export const setSize = getter<Set<unknown>>(Set.prototype, 'size') as (set: Set<unknown>) => number;
export const regexpSource = getter<RegExp>(RegExp.prototype, 'source') as (re: RegExp) => string;
export const regexpFlags = getter<RegExp>(RegExp.prototype, 'flags') as (re: RegExp) => string;

/** True when `test` does not throw on `value`: the brand checks above, wrapped. */
export function hasBrand(value: object, test: (value: never) => unknown): boolean {
  try {
    test(value as never);
    return true;
  } catch {
    return false;
  }
}
