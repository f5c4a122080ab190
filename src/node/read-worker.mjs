// Entry of a page-reading thread when the server runs from its sources (tsx, tests): worker
// threads do not inherit the main thread's TypeScript hooks. The built server runs read-worker.js.
import { register } from "tsx/esm/api";

register();
await import("./read-worker.ts");
