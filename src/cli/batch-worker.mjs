// Entry of a batch worker thread: worker threads do not inherit the main thread's tsx hooks.
import { register } from "tsx/esm/api";

register();
await import("./batch-worker.ts");
