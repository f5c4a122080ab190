// Run by lazy-dom.test.ts in a process of its own (a test worker may have loaded jsdom already):
// starts the Node server, sends it requests and prints, after each, whether jsdom and Readability
// have been loaded into this process.
import { createRequire } from "node:module";
import { startServer } from "../../src/node/server.ts";

const cache = createRequire(import.meta.url).cache;
const loaded = (pkg: string) => Object.keys(cache).some((file) => file.includes(`/node_modules/${pkg}/`));
const PAGE = `<!doctype html><html><head><title>A page</title></head><body><article><h1>A page</h1>
<p>The council voted on Tuesday to keep the library open on Sundays, after a year of protests by readers.</p>
<p>Its budget for next year adds two librarians and a mobile library for the villages to the north.</p></article></body></html>`;

const server = await startServer({ port: 0, host: "127.0.0.1", env: {} });
const steps: Record<string, unknown>[] = [];
async function send(name: string, body: Record<string, unknown>) {
  const res = await fetch(`${server.url}/v1/clean`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const out = (await res.json()) as { text?: string };
  steps.push({ name, status: res.status, text: out.text ?? "", jsdom: loaded("jsdom"), readability: loaded("@mozilla/readability") });
}
steps.push({ name: "start", jsdom: loaded("jsdom"), readability: loaded("@mozilla/readability") });
const ARTICLE = ["The council voted on Tuesday to keep the library open on Sundays, after a year of protests by readers.", "Its budget for next year adds two librarians and a mobile library for the villages to the north.", "The vote was close: seven members for, six against, with the mayor casting the deciding vote late in the evening."];
await send("text", { text: ARTICLE.join("\n\n") });
await send("html, fast engine", { html: PAGE });
await send("html, Readability engine", { html: PAGE, options: { htmlEngine: "readability" } });
await server.close();
console.log(JSON.stringify(steps));
