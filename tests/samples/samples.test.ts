// Every sample in samples/ (NAME.txt, NAME.labels.tsv, NAME.gold.txt) goes through the HTTP API.
// Adding a sample is dropping in its three files. No body (B) line may be removed; how many
// boilerplate (X) lines are left, and whether the title (T) came back as `title`, is printed per sample.
import { nodeDeps } from "../../src/node/deps.ts";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/eval/corpus.ts";
import { createApp, DEFAULT_MAX_BODY_BYTES } from "../../src/http/app.ts";
import { defaultModel } from "../../src/model/index.ts";
import { listSamples, readSample } from "../../src/train/dataset.ts";

const dir = path.join(REPO_ROOT, "samples");
const app = createApp({ ...nodeDeps(), maxBodyBytes: DEFAULT_MAX_BODY_BYTES });
const summary: string[] = [];
afterAll(() => console.log(`samples (X lines left in the body, B lines removed, the title returned):\n${summary.join("\n")}`));

interface Line { line: number; label: string; text: string }

describe("samples through POST /v1/clean", () => {
  const names = listSamples(dir);
  it("there are samples", () => expect(names.length).toBeGreaterThanOrEqual(5));

  for (const name of names) {
    it(name, async () => {
      const s = readSample(dir, name);
      const res = await app.request("/v1/clean?explain=1", { method: "POST", headers: { "content-type": "text/plain; charset=utf-8" }, body: s.input });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { text: string; title?: string; lines: Line[] };
      const kept = (l: Line) => l.label === "body";
      const bodyLost = body.lines.filter((l) => s.labels[l.line] === "B" && !kept(l));
      const junkLeft = body.lines.filter((l) => s.labels[l.line] === "X" && kept(l));
      const nX = s.labels.filter((x) => x === "X").length;
      const titles = s.input.split("\n").filter((_, i) => s.labels[i] === "T").map((t) => t.trim());
      const title = !body.title ? "none" : titles.includes(body.title) ? "right" : "another line";
      summary.push(`  ${name}: ${junkLeft.length}/${nX} X left, ${bodyLost.length} B removed, title: ${title}`);
      expect(bodyLost.map((l) => l.text), "body lines removed").toEqual([]);
    });
  }
});
