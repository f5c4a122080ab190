// `npm start`'s entry point (dist/node/main.js): one worker process per core (cluster.ts), each
// serving the app (server.ts); BOILERSTRIP_WORKERS=1 serves from this process. It starts whatever
// loads it: `node dist/node/main.js`, or a process manager that imports it (pm2 in fork mode).
import cluster from "node:cluster";
import { fileURLToPath } from "node:url";
import { defaultModel } from "../model/index.ts";
import { runPrimary, workerCount } from "./cluster.ts";
import { startServer } from "./server.ts";

const workers = cluster.isPrimary ? workerCount() : 1;
if (workers > 1) {
  // Workers run this file, whoever ran the primary (a process manager's own launcher, say).
  cluster.setupPrimary({ exec: fileURLToPath(import.meta.url) });
  runPrimary(workers);
} else {
  const s = await startServer();
  if (cluster.isPrimary) console.log(`boilerstrip listening on ${s.url} (model ${defaultModel().version})`);
  const stop = () => void s.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  // A worker whose primary is gone (killed outright) stops too, rather than serve unsupervised.
  if (cluster.isWorker) process.on("disconnect", () => process.exit(0));
}
