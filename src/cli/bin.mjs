#!/usr/bin/env node
// `boilerstrip` on the command line (package.json "bin"): registers tsx so the TypeScript sources
// run as they are, with no build step, then hands over to main.ts.
import { register } from "tsx/esm/api";

register();
const { main } = await import("./main.ts");
const code = await main(process.argv.slice(2));
if (code !== undefined) process.exitCode = code;
