// `node --import ./tests/support/stub-server-only.mjs`: lets a plain Node process (a test's child)
// import server modules, as vitest's alias does for tests run in process.
import { register } from "node:module";

const hooks = `export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export {};", shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
