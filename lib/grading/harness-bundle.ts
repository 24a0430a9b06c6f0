/** One CommonJS module (sucrase output) of the harness, by the name its siblings require it with ("./format"). */
export interface BundleModule {
  name: string;
  code: string;
}

/**
 * Joins CommonJS modules into one script whose completion value is `entry`'s exports: how the
 * harness (lib/grading/harness/*.ts) enters the judge's QuickJS isolate, which has no module loader.
 * The names are fixed at build time and the code is ours; no learner text goes through here.
 */
export function bundleScript(modules: readonly BundleModule[], entry: string): string {
  const factories = modules.map(({ name, code }) => `${JSON.stringify(name)}: function (exports, require, module) {\n${code}\n}`).join(',\n');
  return `(function () {
"use strict";
var factories = {
${factories}
};
var cache = Object.create(null);
function load(name) {
  if (cache[name]) return cache[name].exports;
  if (!Object.prototype.hasOwnProperty.call(factories, name)) throw new Error("harness module not found: " + name);
  var module = { exports: {} };
  cache[name] = module;
  factories[name](module.exports, load, module);
  return module.exports;
}
return load(${JSON.stringify(entry)});
})()`;
}
