// Finds every regular-expression literal in TypeScript source, with its file and line: a small
// scanner that skips comments, strings and template text and tells a regex from a division by
// the token before the slash. Also reports `RegExp(` constructions, which it cannot read.
import fs from "node:fs";
import path from "node:path";

export interface FoundRegex {
  file: string;
  line: number;
  source: string;
  flags: string;
}

// After these characters or keywords a slash starts a regex; after a name, number, ) or ] it divides.
const REGEX_AFTER_CHAR = new Set([..."(,=:[!&|?{};+-*%<>~^"]);
const REGEX_AFTER_WORD = new Set(["return", "typeof", "case", "in", "of", "delete", "void", "throw", "new", "yield", "await", "else", "do"]);

export function regexLiterals(src: string, file = ""): { regexes: FoundRegex[]; constructed: number[] } {
  const regexes: FoundRegex[] = [];
  const constructed: number[] = [];
  const lineAt = (i: number) => src.slice(0, i).split("\n").length;
  let prev = ""; // last significant character, or the last word
  const braces: ("code" | "template")[] = [];
  let i = 0;
  const readString = (q: string) => {
    for (i++; i < src.length && src[i] !== q; i++) if (src[i] === "\\") i++;
    i++;
    prev = "a";
  };
  const readTemplate = () => {
    // from just after ` (or after the } closing a ${): to the closing ` or the next ${
    for (; i < src.length; i++) {
      if (src[i] === "\\") i++;
      else if (src[i] === "`") return void ((i += 1), (prev = "a"));
      else if (src[i] === "$" && src[i + 1] === "{") return void ((i += 2), braces.push("template"), (prev = "{"));
    }
  };
  while (i < src.length) {
    const c = src[i];
    if (c === "/" && src[i + 1] === "/") i = src.indexOf("\n", i) < 0 ? src.length : src.indexOf("\n", i);
    else if (c === "/" && src[i + 1] === "*") i = src.indexOf("*/", i + 2) + 2;
    else if (c === '"' || c === "'") readString(c);
    else if (c === "`") (i++, readTemplate());
    else if (c === "{") (braces.push("code"), (prev = c), i++);
    else if (c === "}") {
      i++;
      if (braces.pop() === "template") readTemplate();
      else prev = c;
    } else if (c === "/" && (prev === "" || REGEX_AFTER_CHAR.has(prev) || REGEX_AFTER_WORD.has(prev))) {
      const start = i;
      let inClass = false;
      for (i++; i < src.length; i++) {
        if (src[i] === "\\") i++;
        else if (src[i] === "[") inClass = true;
        else if (src[i] === "]") inClass = false;
        else if (src[i] === "/" && !inClass) break;
      }
      const source = src.slice(start + 1, i);
      const flags = /^[a-z]*/.exec(src.slice(i + 1))![0];
      i += 1 + flags.length;
      regexes.push({ file, line: lineAt(start), source, flags });
      prev = "a";
    } else if (/[A-Za-z_$0-9]/.test(c)) {
      const word = /^[A-Za-z_$0-9]+/.exec(src.slice(i, i + 64))![0];
      if (word === "RegExp" && /^\s*\(/.test(src.slice(i + word.length, i + word.length + 8))) constructed.push(lineAt(i));
      prev = word;
      i += word.length;
    } else {
      if (!/\s/.test(c)) prev = c;
      i++;
    }
  }
  return { regexes, constructed };
}

/** Every .ts file under `dir`, recursively. */
export function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith(".ts") ? [p] : [];
  });
}
