// npx tsx scripts/check-identical.ts [--capture] [--pages N] [--file .tmp/identical.json]
// Guard for speed work: an optimisation must not change what the service returns nor the feature
// vectors the shipped model was trained on. `--capture` records, from the code as it is, for the
// first N corpus pages (loose_text and page_text), the samples and a few hostile inputs:
//   - clean() with explain: true, as the API returns it (scores rounded to 4 decimals, labels,
//     categories, reasons, confidence, language);
//   - a digest of each line's dense vector (the Float32 bytes), its hashed buckets (in order) and
//     its line info (word count, stopword ratio, terminal, prose), and the detected language with the
//     page's language as a hint.
// Without --capture it recomputes all of it and lists every document that differs.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { clean } from "../src/core/clean.ts";
import { extractFeatures, type DocFeatures } from "../src/core/features.ts";
import { segmentCodes } from "../src/core/segment.ts";
import { readCorpus, REPO_ROOT } from "../src/eval/corpus.ts";
import { defaultModel } from "../src/model/index.ts";

// 300 pages x 2 kinds: a few hundred real documents in many languages, ~30 s to check.
const DEFAULT_PAGES = 300;

const { values: args } = parseArgs({
  options: {
    capture: { type: "boolean", default: false },
    pages: { type: "string" },
    file: { type: "string", default: path.join(REPO_ROOT, ".tmp", "identical.json") },
    corpus: { type: "string" },
  },
});

interface Doc { id: string; text: string; lang?: string }
interface Record_ { id: string; result: string; lines: string[]; language: string; hinted: string }

// Inputs the corpus has few of: unspaced scripts, right-to-left, emoji, control bytes, list runs,
// repeated lines, a very long line, bullets, dates, URLs.
const HOSTILE: Doc[] = [
  { id: "cjk", text: "新华社北京11月23日电 习近平主席今天在人民大会堂会见了来访的外国领导人。\n相关阅读\n点击查看更多新闻\n東京の天気は晴れです。iPhone用のアプリ、カタカナ混じり。\nข่าววันนี้ ประเทศไทย\n" },
  { id: "rtl-emoji", text: "مرحبا بكم في الموقع الرسمي للأخبار، حيث نقدم لكم آخر الأخبار من جميع أنحاء العالم.\nשלום עולם 🌍 👍🏽 שתפו\nEmoji only 😀😀😀\n" },
  { id: "control", text: "Line with \u0000 NUL and \u0007 bell.\r\nTabs\tand\tmore\r\n\u200b\u00a0\n© 2024 Example Inc. All rights reserved | Privacy\n" },
  { id: "shapes", text: ["• Home", "• News", "• Sport", "1. First item", "2) Second item", "Read more »", "Posted on 12/03/2024 at 10:45", "Contact: someone@example.org or @handle", "https://www.example.com/path", "ALL CAPS HEADLINE HERE", "\"A quoted sentence,\" she said. Then another one! And a question?", "Share this article", "Share this article", "Ellipsis line...", "Colon line:", "(parenthetical remark)", "Ärger über Öl und Übermut im Straßenverkehr der Stadt"].join("\n") },
  { id: "long-line", text: "word ".repeat(20000) + "end.\nshort\n" },
];

function lineDigests(text: string, hint?: string): { lines: string[]; language: string; hinted: string } {
  const model = defaultModel();
  const { segments, codes } = segmentCodes(text);
  const segs = segments.map((s) => s.text);
  // The features as clean() makes them (from the input's code units) and as HTML mode and
  // training do (from the lines): they must be the same.
  // Both with the segments' line numbers, as clean() and training pass them (blank-line features).
  const lineNos = segments.map((s) => s.line);
  const doc = extractFeatures(segs, model.hashBits, undefined, codes, lineNos);
  const fromLines = digests(extractFeatures(segs, model.hashBits, undefined, undefined, lineNos));
  const lines = digests(doc).map((d, i) => (d === fromLines[i] ? d : `${d} (from lines: ${fromLines[i]})`));
  if (fromLines.length !== lines.length) lines.push("line count differs between the two paths");
  const hinted = hint ? extractFeatures(segs, model.hashBits, hint).language : doc.language;
  return { lines, language: doc.language, hinted };
}

function digests(doc: DocFeatures): string[] {
  return doc.dense.map((d, i) => {
    const h = createHash("sha1");
    h.update(new Uint8Array(d.buffer, d.byteOffset, d.byteLength));
    const b = doc.hashed[i];
    h.update(new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
    const inf = doc.info[i];
    h.update(JSON.stringify([inf.nWords, inf.stopRatio, inf.terminal, inf.prose]));
    return h.digest("hex").slice(0, 16);
  });
}

async function* documents(): AsyncGenerator<Doc> {
  for await (const p of readCorpus({ path: args.corpus, limit: Number(args.pages ?? DEFAULT_PAGES) })) {
    yield { id: `${p.id}/loose_text`, text: p.loose_text, lang: p.lang ?? undefined };
    yield { id: `${p.id}/page_text`, text: p.page_text, lang: p.lang ?? undefined };
  }
  const dir = path.join(REPO_ROOT, "samples");
  for (const f of fs.readdirSync(dir).filter((f) => /^\d+_[0-9a-f]+\.txt$/.test(f)).sort()) {
    yield { id: `samples/${f}`, text: fs.readFileSync(path.join(dir, f), "utf8") };
  }
  yield* HOSTILE;
}

function record(d: Doc): Record_ {
  const result = JSON.stringify(clean(d.text, { explain: true }, defaultModel()));
  return { id: d.id, result, ...lineDigests(d.text, d.lang) };
}

const t0 = performance.now();
if (args.capture) {
  const out: Record_[] = [];
  for await (const d of documents()) out.push(record(d));
  fs.mkdirSync(path.dirname(args.file!), { recursive: true });
  fs.writeFileSync(args.file!, JSON.stringify({ created: new Date().toISOString(), model: defaultModel().version, docs: out }));
  console.log(`captured ${out.length} documents into ${path.relative(process.cwd(), args.file!)}`);
} else {
  const base = JSON.parse(fs.readFileSync(args.file!, "utf8")) as { created: string; docs: Record_[] };
  const byId = new Map(base.docs.map((r) => [r.id, r]));
  let checked = 0, bad = 0;
  for await (const d of documents()) {
    const want = byId.get(d.id);
    if (!want) continue;
    checked++;
    const got = record(d);
    const why: string[] = [];
    if (got.result !== want.result) why.push(`clean() output differs (first at char ${firstDiff(got.result, want.result)})`);
    const line = got.lines.findIndex((x, i) => x !== want.lines[i]);
    if (line >= 0 || got.lines.length !== want.lines.length) why.push(`feature vectors differ (line ${line >= 0 ? line : got.lines.length})`);
    if (got.language !== want.language || got.hinted !== want.hinted) why.push(`language ${want.language}/${want.hinted} -> ${got.language}/${got.hinted}`);
    if (why.length) { bad++; console.log(`DIFF ${d.id}: ${why.join("; ")}`); }
  }
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(`${checked} of ${base.docs.length} documents checked against ${base.created}: ${bad ? `${bad} differ` : "all identical"} (${secs} s)`);
  if (bad || checked !== base.docs.length) process.exitCode = 1;
}

function firstDiff(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}
