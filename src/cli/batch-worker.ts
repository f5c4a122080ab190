// A batch worker thread: cleans the lines it is sent with the shared batch-item code and sends
// back each answer already serialised, with what the summary needs. It keeps the site templates
// of the pages it cleans (the pool sends all of a learning site's pages to one worker).
import { parentPort, workerData } from "node:worker_threads";
import { cleanBatchLine, isError } from "../http/batch-item.ts";
import { cliDeps } from "../node/deps.ts";

export interface WorkerRequest {
  seq: number;
  line: string;
}

export interface WorkerAnswer {
  seq: number;
  json: string;
  ok: boolean;
  confidence?: number;
}

const options = (workerData as { options: Record<string, unknown> }).options;
const deps = cliDeps();

parentPort!.on("message", async ({ seq, line }: WorkerRequest) => {
  const item = await cleanBatchLine(line, seq, deps, options);
  const answer: WorkerAnswer = isError(item) ? { seq, json: JSON.stringify(item), ok: false } : { seq, json: JSON.stringify(item), ok: true, confidence: item.confidence };
  parentPort!.postMessage(answer);
});
