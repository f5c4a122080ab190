// Node loads jsdom and Readability on first use, not at start-up.
//
// Loading either detaches an ArrayBuffer: jsdom does while it loads; Readability does under tsx
// (the CLI, the scripts), whose loader lexes the file in WebAssembly memory that grows. One detached
// ArrayBuffer anywhere in a process switches off V8's ArrayBufferDetachingProtector for good, and
// every typed-array access in optimised code then checks for a detached buffer: text mode runs
// ~12 % slower in such a process (loose_text p50 0.50 -> 0.56 ms, measured by loading either into
// the bench's text section). Cleaning text, or HTML with the fast engine, needs neither, so the
// library (src/index.ts) never pays that for them. (Under tsx other CommonJS packages the lexer
// reads still can: the request schemas' @hono/zod-openapi dependencies do. That is why `npm start`
// runs the server built to plain JavaScript: tsconfig.build.json.)
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The CommonJS package `id`, required the first time the returned function is called. */
export function lazyRequire<T>(id: string): () => T {
  let mod: T | undefined;
  return () => (mod ??= require(id) as T);
}

const readabilityModule = lazyRequire<typeof import("@mozilla/readability")>("@mozilla/readability");

/** Readability's class for the Node DOMs (DomImpl.readability). */
export const nodeReadability = () => readabilityModule().Readability;
