// GET /docs: interactive API docs drawn from /openapi.json in the browser. Self-contained (no
// external scripts or fonts), so it works offline, behind a firewall and in the Worker.
export function docsPage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>boilerstrip API</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem 1.5rem;color:#1d232a}
h1{margin:.2rem 0}.op{border:1px solid #ccd;border-radius:6px;margin:1rem 0;padding:.6rem 1rem}
.m{font:bold 13px monospace;padding:2px 6px;border-radius:4px;color:#fff;background:#357}.m.post{background:#386}
code,pre,textarea,select{font:13px/1.4 ui-monospace,monospace}pre{background:#f4f5f7;padding:.5rem;overflow:auto;max-height:24rem}
textarea{width:100%;min-height:8rem;box-sizing:border-box}ul.s{margin:.2rem 0 .2rem 1rem;padding:0;list-style:none}
.t{color:#667}.req{color:#b33}button{padding:.3rem .9rem}
</style></head><body>
<h1>boilerstrip API</h1><p id="desc"></p><p><a href="/openapi.json">openapi.json</a> · <a href="/">playground</a></p>
<div id="ops">loading /openapi.json…</div>
<script>
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
let spec;
function deref(s) { while (s && s.$ref) s = spec.components.schemas[s.$ref.split("/").pop()]; return s || {}; }
function schemaHtml(s, depth) {
  const name = s && s.$ref ? s.$ref.split("/").pop() : "";
  s = deref(s);
  if (depth > 3) return '<span class="t">' + esc(name || s.type || "") + "</span>";
  const alts = s.anyOf || s.oneOf;
  if (alts) return alts.map((a) => schemaHtml(a, depth + 1)).join(' <span class="t">or</span> ');
  if (s.type === "array") return '<span class="t">array of</span> ' + schemaHtml(s.items, depth + 1);
  if (s.enum) return '<span class="t">' + s.enum.map((e) => esc(JSON.stringify(e))).join(" | ") + "</span>";
  if (s.properties) {
    const req = new Set(s.required || []);
    return (name ? '<span class="t">' + esc(name) + "</span>" : "") + '<ul class="s">' + Object.entries(s.properties).map(([k, v]) =>
      "<li><code>" + esc(k) + "</code>" + (req.has(k) ? '<span class="req">*</span>' : "") + " " + schemaHtml(v, depth + 1) +
      (deref(v).description ? ' <span class="t">— ' + esc(deref(v).description) + "</span>" : "") + "</li>").join("") + "</ul>";
  }
  return '<span class="t">' + esc([s.type, s.minimum !== undefined ? "≥ " + s.minimum : "", s.maximum !== undefined ? "≤ " + s.maximum : ""].filter(Boolean).join(" ")) + "</span>";
}
function example(content, type) {
  if (type === "application/json") { const s = deref(content.schema); return JSON.stringify(s.type === "array" ? [deref(s.items).example || {}] : s.example || {}, null, 2); }
  if (type === "application/x-ndjson") return '{"id": 1, "text": "Headline\\\\nSubscribe to our newsletter\\\\nThe first paragraph of the article, a full sentence."}\\n{"id": 2, "text": ""}';
  return "Headline\\nSubscribe to our newsletter\\nThe first paragraph of the article, a full sentence.";
}
function opHtml(path, method, op, i) {
  const body = op.requestBody ? op.requestBody.content : null;
  const types = body ? Object.keys(body) : [];
  const params = (op.parameters || []).map((p) => "<li><code>" + esc(p.name) + "</code> " + schemaHtml(p.schema, 1) + "</li>").join("");
  return '<div class="op"><h2><span class="m ' + method + '">' + method.toUpperCase() + "</span> <code>" + esc(path) + "</code> " + esc(op.summary || "") + "</h2>" +
    "<p>" + esc(op.description || "") + "</p>" +
    (params ? "<h3>Query</h3><ul class=s>" + params + "</ul>" : "") +
    types.map((t) => "<h3>Body: <code>" + esc(t) + "</code></h3>" + schemaHtml(body[t].schema, 0)).join("") +
    "<h3>Responses</h3>" + Object.entries(op.responses).map(([st, r]) => "<p><b>" + st + "</b> " + esc(r.description) + "</p>" +
      (r.content && r.content["application/json"] ? schemaHtml(r.content["application/json"].schema, 1) : "")).join("") +
    '<h3>Try it</h3><form data-i="' + i + '">' + (types.length ? '<select name="type">' + types.map((t) => "<option>" + esc(t) + "</option>").join("") + "</select>" : "") +
    ' <input name="query" placeholder="query, e.g. explain=1" size="30"> <button>Send</button>' +
    (types.length ? '<textarea name="body">' + esc(example(body[types[0]], types[0])) + "</textarea>" : "") + '<pre class="out" hidden></pre></form></div>';
}
fetch("/openapi.json").then((r) => r.json()).then((s) => {
  spec = s;
  document.getElementById("desc").textContent = s.info.description + " Version " + s.info.version + ".";
  const ops = [];
  for (const [path, item] of Object.entries(s.paths)) for (const [method, op] of Object.entries(item)) ops.push([path, method, op]);
  document.getElementById("ops").innerHTML = ops.map(([p, m, o], i) => opHtml(p, m, o, i)).join("");
  document.querySelectorAll("form").forEach((f) => {
    const [path, method, op] = ops[Number(f.dataset.i)];
    if (f.type) f.type.onchange = () => { f.body.value = example(op.requestBody.content[f.type.value], f.type.value); };
    f.onsubmit = async (e) => {
      e.preventDefault();
      const out = f.querySelector(".out"); out.hidden = false; out.textContent = "…";
      const init = { method: method.toUpperCase() };
      if (f.body) { init.body = f.body.value; init.headers = { "content-type": f.type.value }; }
      const res = await fetch(path + (f.query.value ? "?" + f.query.value : ""), init);
      const txt = await res.text();
      let shown = txt; try { shown = JSON.stringify(JSON.parse(txt), null, 2); } catch {}
      out.textContent = res.status + " " + res.statusText + "\\n" + shown;
    };
  });
}).catch((e) => { document.getElementById("ops").textContent = "could not load /openapi.json: " + e; });
</script></body></html>`;
}
