// Markdown input (src/core/markdown.ts): what a reader sees of each line, when a text is taken for
// Markdown, and clean() on a sample written as Markdown.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clean } from "../../src/core/clean.ts";
import { firstTopHeading, lineText, looksLikeMarkdown, markdownLinesText, markdownToText, readerEnvelope } from "../../src/core/markdown.ts";
import { REPO_ROOT } from "../../src/eval/corpus.ts";
import { defaultModel } from "../../src/model/index.ts";
import { listSamples, readSample } from "../../src/train/dataset.ts";

describe("lineText: the text a reader sees of a Markdown line", () => {
  it.each([
    ["[Home](https://x.example/)", "Home"],
    ["-   [How It Works](https://x.example/how/ \"How\")", "How It Works"],
    ["[![Logo](https://x.example/logo.png)](https://x.example/)[](https://x.example/)", ""],
    ["](https://app.x.example/login)[Login](https://app.x.example/login)", "Login"],
    ["[", ""],
    ["# A *great* headline ##", "A great headline"],
    ["## Sub_heading_here", "Sub_heading_here"],
    ["> > quoted **bold** text, \\*escaped\\*, snake_case_name and _emphasis_", "quoted bold text, *escaped*, snake_case_name and emphasis"],
    ["1. First [link [nested]](https://w.example/wiki/Foo_(bar)) item", "First link [nested] item"],
    ["- [ ] task <br> <https://a.example/c> <span class=\"x\">in span</span>", "task https://a.example/c in span"],
    ["| c [d](e) | f |", "c d f"],
    ["|---|:-:|", ""],
    ["---", ""],
    ["=====", ""],
    ["* * *", ""],
    ["[1]: https://example.com/ref", ""],
    ["see [1] and [2] here, 3 < 4 > 2", "see [1] and [2] here, 3 < 4 > 2"],
    ["A [reference link][ref] and ![an image][img] here", "A reference link and here"],
  ])("%s", (line, want) => {
    expect(lineText(line)).toBe(want);
  });

  it("keeps one line per input line, code as it is, fences blank", () => {
    const md = "# Title\n\n```js\nconst x = [a](b);\n```\n~~~\n# not a heading\n~~~\ntext\r\nmore";
    const out = markdownToText(md).split("\n");
    expect(out).toEqual(["Title", "", "", "const x = [a](b);", "", "", "# not a heading", "", "text", "more"]);
  });

  it("reads long hostile lines in one pass (brackets, parentheses and angle brackets never closed)", () => {
    for (const unit of ["[", "](", "<", "![", "(", "_*", "> "]) {
      const line = unit.repeat(200_000);
      const t = performance.now();
      lineText(line);
      looksLikeMarkdown(`${line}\n`.repeat(3));
      // Quadratic work on 200,000-unit lines would take minutes; linear takes milliseconds.
      expect(performance.now() - t, unit).toBeLessThan(2000);
    }
  });
});

describe("firstTopHeading: the headline a Markdown page marks", () => {
  const at = (md: string, limit = 60) => {
    const lines = md.split("\n");
    const nos = lines.flatMap((l, i) => (markdownToText(l).trim() ? [i] : []));
    return firstTopHeading(lines, nos, limit);
  };
  it("finds the first \"# \" or setext heading among the first segments, not a second-level one", () => {
    expect(at("[Home](/)\n## Section\n# The headline\ntext")).toBe(2);
    expect(at("[Home](/)\nThe headline\n====\ntext")).toBe(1);
    expect(at("[Home](/)\n## Section\n#hashtag\ntext")).toBe(-1);
    expect(at("a\nb\n# late", 2)).toBe(-1);
  });
});

describe("looksLikeMarkdown", () => {
  const dir = path.join(REPO_ROOT, "samples");

  it("takes none of the scraped samples for Markdown", () => {
    for (const name of listSamples(dir)) expect(looksLikeMarkdown(readSample(dir, name).input), name).toBe(false);
  });

  it("takes Markdown by its links, or a link beside headings", () => {
    expect(looksLikeMarkdown("- [Home](/)\n- [News](/news)\n- [Sport](/sport)\nText.")).toBe(true);
    expect(looksLikeMarkdown("# Title\n\nSee [the report](https://x.example/r).\n\n## Background\n\nMore.")).toBe(true);
  });

  it("does not take plain text with bullets, citations or bracketed asides", () => {
    expect(looksLikeMarkdown("- Streaming Services Boost Anime\n- Malaysia Growing [1]\n- Japan Business [2]\n# 1 hit")).toBe(false);
    const aside = "FEATURE STATE: Kubernetes v1.35 [alpha](disabled by default)\n";
    expect(looksLikeMarkdown(aside.repeat(5))).toBe(false);
  });
});

describe("clean() on Markdown", () => {
  const dir = path.join(REPO_ROOT, "samples");
  const name = listSamples(dir).find((n) => n.startsWith("003"))!;
  const s = readSample(dir, name);
  const lines = s.input.split("\n");
  const firstBody = s.labels.indexOf("B");
  // The sample as a Markdown scraper would write it, line for line: the title a heading, the
  // boilerplate lines links or list items of links, an inline link and emphasis in the body.
  const md = lines.map((l, i) => {
    if (!l.trim()) return l;
    if (s.labels[i] === "T") return `# ${l}`;
    if (s.labels[i] === "X") return l.split(/\s+/).length <= 12 ? `- [${l}](https://news.example/x/${i})` : `${l} ![](https://news.example/i/${i}.jpg)`;
    if (i === firstBody) return l.replace(/^(\S+ \S+ \S+)/, "[$1](https://news.example/related) **") + "**";
    return l;
  }).join("\n");

  it("decides as on the text a reader sees, and returns the body as sent", () => {
    const model = defaultModel();
    const plain = clean(s.input, {}, model);
    const r = clean(md, { explain: true }, model);
    expect(looksLikeMarkdown(md)).toBe(true);
    expect(r.text).toBe(plain.text);
    // The title model finds a title here, as in plain text (a photo caption above the body: its
    // error, kept in the note), so the "# " heading does not replace it (next test).
    expect(r.title).toBe(plain.title);
    expect(r.removed.map((x) => x.line)).toEqual(plain.removed.map((x) => x.line));
    // The body as sent: its link and emphasis kept, paragraphs apart as in the input.
    expect(r.markdown).toContain("](https://news.example/related) **");
    const sent = md.split("\n");
    const body = r.lines!.filter((l) => l.label === "body");
    expect(r.markdown!.split("\n").filter((l) => l !== "")).toEqual(body.map((l) => sent[l.line]));
    // A blank line between paragraphs that were apart, none between adjacent lines.
    expect(r.markdown!.split("\n\n").length).toBe(1 + body.filter((l, k) => k > 0 && l.line > body[k - 1].line + 1).length);
    for (const x of r.removed) expect(x.text).toBe(sent[x.line]);
    expect(r.lines!.every((l) => l.text === sent[l.line])).toBe(true);
    expect(plain.markdown).toBeUndefined();
  });

  it("the first \"# \" heading is the title where the title model finds none", () => {
    const model = defaultModel();
    // Sample 004 as a Markdown scraper would write it, its title line a heading: sent as plain
    // text, the title model finds no title in it.
    const s4 = readSample(dir, listSamples(dir).find((n) => n.startsWith("004"))!);
    const lines4 = s4.input.split("\n"), t = s4.labels.indexOf("T");
    const md4 = lines4.map((l, i) => (i === t ? `# ${l}` : l)).join("\n");
    expect(clean(s4.input, {}, model).title).toBeUndefined();
    // Read as Markdown (format "markdown": a heading alone does not make format "auto" take it).
    expect(clean(md4, { format: "markdown" }, model).title).toBe(lines4[t].trim());
  });

  it("Jina Reader's envelope: not read as the page's lines; its title is the title, its URL the url", () => {
    const title = lines[s.labels.indexOf("T")].trim();
    const envelope = `Title: ${title} | News Example\n\nURL Source: https://news.example/2025/06/story\n\nPublished Time: 2025-06-18T10:00:00Z\n\nMarkdown Content:\n`;
    expect(readerEnvelope(envelope + md)).toEqual({ title: `${title} | News Example`, url: "https://news.example/2025/06/story", end: 7 });
    expect(readerEnvelope(`Title: x\nSomething else\nMarkdown Content:\n${md}`)).toBeNull();
    const r = clean(envelope + md, { explain: true }, defaultModel());
    expect(r.markdown).toBeDefined();
    expect(r.title).toBe(title);
    expect(r.lines!.every((l) => l.line >= 7)).toBe(true);
    expect(r.text).toBe(clean(md, {}, defaultModel()).text);
    // As plain text the envelope is lines like any other.
    expect(clean(envelope + md, { format: "text", explain: true }, defaultModel()).lines![0].line).toBe(0);
  });

  it("format \"text\" reads the same Markdown as it is: link targets stay in the body", () => {
    const r = clean(md, { format: "text" }, defaultModel());
    expect(r.markdown).toBeUndefined();
    expect(r.text).toContain("https://news.example/related");
    expect(() => clean(md, { format: "html" }, defaultModel())).toThrow(/format/);
  });
});

describe("links and images a hard-wrapping writer broke over two lines", () => {
  // html2text and pandoc wrap at 72-78 columns, inside a link's text too.
  const source = [
    "The city council voted on Tuesday to build [twelve kilometres of protected",
    "cycle lanes](https://news.example.com/2025/03/council-vote-cycle-lanes-full-text) along",
    "Main Street, after a [study by the",
    "transport department](https://transport.example.gov/reports/2024/parking-study.pdf (PDF)) found",
    "![A cyclist on Main Street in the",
    "morning](https://img.example.com/2025/03/cyclist.jpg)",
    "that most shoppers arrive on foot [or by bus.",
  ];
  it("are read as their text, each line keeping its own words; the alt text of an image goes", () => {
    expect(markdownLinesText(source)).toEqual([
      "The city council voted on Tuesday to build twelve kilometres of protected",
      "cycle lanes along",
      "Main Street, after a study by the",
      "transport department found",
      "",
      "",
      "that most shoppers arrive on foot [or by bus.",
    ]);
  });
});
