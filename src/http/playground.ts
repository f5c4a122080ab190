// GET /: the playground. Paste text or HTML or pick a sample, and see the body, the confidence and
// every line kept or removed side by side with its category and reason. HTML is sent as it is
// pasted: the server tells text from HTML. One self-contained page
// (no build step, no external assets), served by Node and the Worker alike.
import samples from "./playground-samples.json" with { type: "json" };

/** JSON safe inside a <script> element. */
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, "\\u003c");

export function playgroundPage(): string {
  const options = samples.map((s) => ({ name: s.name, label: `${s.name}: ${s.text.split("\n")[0].slice(0, 60)}`, text: s.text }));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>boilerstrip playground</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;margin:0;padding:1rem 1.5rem;color:#1d232a}
header{display:flex;gap:1rem;align-items:baseline;flex-wrap:wrap}h1{margin:0;font-size:1.4rem}
textarea{width:100%;min-height:10rem;box-sizing:border-box;font:13px/1.4 ui-monospace,monospace}
.bar{display:flex;gap:.6rem;align-items:center;margin:.5rem 0;flex-wrap:wrap}button{padding:.35rem 1.1rem;font-weight:600}
#summary{display:flex;gap:1rem;align-items:center;flex-wrap:wrap;margin:.8rem 0}
#confidence{font-size:1.2rem;font-weight:700;padding:.2rem .7rem;border-radius:6px;background:#dff3e4;color:#175c2c}
#confidence.low{background:#fde2e1;color:#8a1f17}#error{color:#8a1f17;font-weight:600}
table{border-collapse:collapse;width:100%;table-layout:fixed}th{text-align:left;border-bottom:2px solid #ccd;padding:.3rem}
td{vertical-align:top;padding:.25rem .4rem;border-bottom:1px solid #eef;white-space:pre-wrap;word-wrap:break-word;font-size:14px}
.n{width:2.5rem;color:#889;text-align:right;font:12px monospace}
tr.removed td.rm{background:#fde2e1}tr.title td.kp{font-weight:700;background:#e6eefc}tr.meta td.kp{background:#f2f0fb;color:#446}
.cat{display:inline-block;font:600 11px/1.5 system-ui;text-transform:uppercase;background:#8a1f17;color:#fff;border-radius:3px;padding:0 .35rem;margin-right:.4rem}
.reason{display:block;font-size:12px;color:#6b3a35;margin-top:.15rem}.tag{font:11px monospace;color:#557}
#body{white-space:pre-wrap;background:#f6f8f6;border-left:4px solid #2d8a4e;padding:.6rem 1rem}
</style></head><body>
<header><h1>boilerstrip playground</h1><span>paste scraped text or HTML, or pick a sample · <a href="/docs">API docs</a></span></header>
<div class="bar">
  <label>Sample <select id="sample"><option value="">(paste your own)</option></select></label>
  <label>Preference <select id="preference"><option>balanced</option><option>recall</option><option>precision</option></select></label>
  <button id="run">Clean</button>
</div>
<textarea id="input" placeholder="Paste the text a scraper pulled off a page, or the page's HTML"></textarea>
<div id="summary" hidden><span id="confidence"></span><span id="title"></span><span id="stats" class="tag"></span></div>
<p id="error" hidden></p>
<table id="lines" hidden><thead><tr><th class="n">#</th><th>Kept</th><th>Removed (category, reason)</th></tr></thead><tbody></tbody></table>
<h2 id="bodyhead" hidden>Body</h2><div id="body" hidden></div>
<script>
const SAMPLES = ${scriptJson(options)};
const $ = (id) => document.getElementById(id);
for (const s of SAMPLES) $("sample").add(new Option(s.label, s.name));
$("sample").onchange = () => { const s = SAMPLES.find((x) => x.name === $("sample").value); if (s) { $("input").value = s.text; run(); } };
$("run").onclick = () => run();
function cell(cls, text) { const td = document.createElement("td"); td.className = cls; if (text !== undefined) td.textContent = text; return td; }
async function run() {
  const input = $("input").value;
  if (!input.trim()) return;
  $("error").hidden = true;
  const res = await fetch("/v1/clean?explain=1&preference=" + $("preference").value, { method: "POST", headers: { "content-type": "text/plain; charset=utf-8" }, body: input });
  const r = await res.json();
  if (!res.ok) { $("error").textContent = r.error.code + ": " + r.error.message; $("error").hidden = false; for (const id of ["summary", "lines", "body", "bodyhead"]) $(id).hidden = true; return; }
  $("confidence").textContent = "confidence " + r.confidence.toFixed(2);
  $("confidence").className = r.lowConfidence ? "low" : "";
  $("confidence").title = "probability that the body is right (token F1 >= 0.9)" + (r.lowConfidence ? "; below the minimum confidence" : "");
  $("title").textContent = r.title ? "title: " + r.title : "";
  $("stats").textContent = r.stats.bodyLines + " body lines kept, " + r.stats.removedLines + " removed of " + r.stats.lines + " · " + r.language + " · " + r.mode + " · model " + r.model;
  const tbody = $("lines").tBodies[0];
  tbody.replaceChildren();
  for (const l of r.lines) {
    const tr = document.createElement("tr");
    tr.className = l.label === "boilerplate" ? "removed" : l.label;
    tr.title = "P(body) " + l.score.toFixed(2) + " (first pass " + l.raw.score.toFixed(2) + ")";
    tr.append(cell("n", String(l.line)));
    if (l.label === "boilerplate") {
      tr.append(cell("kp"));
      const td = cell("rm");
      const cat = document.createElement("span"); cat.className = "cat"; cat.textContent = l.category || "other";
      const reason = document.createElement("span"); reason.className = "reason"; reason.textContent = l.reason || "";
      td.append(cat, document.createTextNode(l.text), reason);
      tr.append(td);
    } else {
      const td = cell("kp", l.text);
      if (l.label !== "body") { const tag = document.createElement("span"); tag.className = "tag"; tag.textContent = " [" + l.label + "]"; td.append(tag); }
      tr.append(td, cell("rm"));
    }
    tbody.append(tr);
  }
  $("body").textContent = r.text;
  for (const id of ["summary", "lines", "body", "bodyhead"]) $(id).hidden = false;
}
</script></body></html>`;
}
