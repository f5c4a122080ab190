// Site templates on disk (BOILERSTRIP_SITES_DIR): the file store alone, and `npm start` learning
// with two workers, stopped, started again with one, still knowing the site.
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { addPage, pageKeys } from "../../src/core/site-template.ts";
import { MemorySiteStore } from "../../src/http/site-store.ts";
import { FileSiteStore, siteFileName, siteStoreFrom } from "../../src/node/file-sites.ts";
import { APPEAL, sitePage } from "../http/site-cases.ts";
import { runServer } from "./run-server.ts";

const dirs: string[] = [];
const children: ChildProcess[] = [];
const tmp = () => { const d = fs.mkdtempSync(path.join(os.tmpdir(), "bs-sites-")); dirs.push(d); return d; };
afterAll(() => { children.forEach((c) => c.kill("SIGKILL")); dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })); });

describe("FileSiteStore", () => {
  const pages = [0, 1, 2, 3].map((k) => pageKeys(sitePage(k).split("\n")));
  const t = addPage(addPage(null, pages[0]), pages[1]);

  it("writes a file per site that another store on the same directory reads back; delete removes it", async () => {
    const dir = tmp();
    const a = new FileSiteStore(dir);
    expect(await a.get("news.example")).toBeNull();
    await a.learn("news.example", pages[0]);
    expect(await a.learn("news.example", pages[1])).toEqual(t);
    expect(fs.readdirSync(dir)).toEqual([siteFileName("news.example")]);
    expect(await new FileSiteStore(dir).get("news.example")).toEqual(t);
    expect(await new FileSiteStore(dir).get("other.example")).toBeNull();
    expect(await a.delete("news.example")).toBe(true);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(await new FileSiteStore(dir).get("news.example")).toBeNull();
    expect(await a.delete("news.example")).toBe(false); // deleting what is gone is no error
  });

  it("adds every page of learns sent at once, and keeps its bound when new sites come at once", async () => {
    const dir = tmp();
    const a = new FileSiteStore(dir, 10, 3);
    await Promise.all(Array.from({ length: 12 }, (_, i) => a.learn("busy.example", pages[i % 4])));
    const back = await new FileSiteStore(dir).get("busy.example");
    expect(back?.pages).toBe(12);
    expect(back?.recent).toEqual(Array.from({ length: 12 }, (_, i) => pages[i % 4]));
    const fresh = await Promise.allSettled(["n1", "n2", "n3", "n4"].map((s) => a.learn(`${s}.example`, pages[0])));
    expect(fresh.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    expect(a.files).toBe(3);
    expect(fs.readdirSync(dir)).toHaveLength(3);
  });

  it("does not bring back a site deleted while its file was being read", async () => {
    const dir = tmp();
    await new FileSiteStore(dir).learn("gone.example", pages[0]);
    const b = new FileSiteStore(dir);
    const reading = b.get("gone.example");
    expect(await b.delete("gone.example")).toBe(true);
    expect([1, undefined]).toContain((await reading)?.pages); // read before the delete, or after it
    expect(await b.get("gone.example")).toBeNull();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("does not lose a page learned while the site's file was being read", async () => {
    const dir = tmp();
    await new FileSiteStore(dir).learn("busy.example", pages[0]);
    const b = new FileSiteStore(dir); // the site is on disk only, as after a restart
    const [read] = await Promise.all([b.get("busy.example"), b.learn("busy.example", pages[1])]);
    expect([1, 2]).toContain(read?.pages); // read before the learn, or after it
    expect((await b.learn("busy.example", pages[2])).recent).toEqual([pages[0], pages[1], pages[2]]);
    expect((await new FileSiteStore(dir).get("busy.example"))?.pages).toBe(3);
  });

  it("answers a site it has no file for from its list, not the disk", async () => {
    const dir = tmp();
    const a = new FileSiteStore(dir);
    // Written behind its back after start: not in its list, so not read.
    fs.writeFileSync(path.join(dir, siteFileName("late.example")), JSON.stringify({ site: "late.example", template: t }));
    expect(await a.get("late.example")).toBeNull();
    expect(await new FileSiteStore(dir).get("late.example")).toEqual(t);
  });

  it("keeps at most its bound of sites on disk: a new site past it fails, known ones still learn, delete frees room", async () => {
    const dir = tmp();
    const a = new FileSiteStore(dir, 10, 2);
    await a.learn("one.example", pages[0]);
    await a.learn("two.example", pages[0]);
    await expect(a.learn("three.example", pages[0])).rejects.toThrow(/at most 2 sites/);
    await a.learn("two.example", pages[1]); // a known site is rewritten, not counted again
    expect(a.files).toBe(2);
    await a.delete("one.example");
    await a.learn("three.example", pages[0]);
    expect(fs.readdirSync(dir).sort()).toEqual([siteFileName("three.example"), siteFileName("two.example")].sort());
    expect(new FileSiteStore(dir, 10, 2).files).toBe(2); // counted again at start
  });

  it("reads a garbled file, or one holding another site's key, as none", async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, siteFileName("a.example")), "{not json");
    fs.writeFileSync(path.join(dir, siteFileName("b.example")), JSON.stringify({ site: "c.example", template: t }));
    fs.writeFileSync(path.join(dir, siteFileName("d.example")), JSON.stringify({ site: "d.example", template: { v: 9 } }));
    for (const s of ["a.example", "b.example", "d.example"]) expect(await new FileSiteStore(dir).get(s)).toBeNull();
  });

  it("names files safely whatever the key holds", () => {
    for (const key of ["my group", "../../etc/passwd", "ünïcödé.example", "x".repeat(300)]) {
      const name = siteFileName(key);
      expect(name).toMatch(/^[a-z0-9._-]{1,100}\.json$/);
      expect(name).not.toContain("/");
    }
    expect(siteFileName("a b")).not.toBe(siteFileName("a_b"));
  });

  it("BOILERSTRIP_SITES_DIR chooses it, makes the directory, and stops start-up when it cannot be written", () => {
    expect(siteStoreFrom({})).toBeInstanceOf(MemorySiteStore);
    const dir = path.join(tmp(), "nested", "sites");
    expect(siteStoreFrom({ BOILERSTRIP_SITES_DIR: dir })).toBeInstanceOf(FileSiteStore);
    expect(fs.existsSync(dir)).toBe(true);
    const file = path.join(tmp(), "a-file");
    fs.writeFileSync(file, "");
    expect(() => siteStoreFrom({ BOILERSTRIP_SITES_DIR: path.join(file, "sub") })).toThrow(/BOILERSTRIP_SITES_DIR .* cannot be written/);
  });
});

describe("npm start with BOILERSTRIP_SITES_DIR", () => {
  it("keeps what it learned across a restart (two workers, then one)", async () => {
    const dir = tmp();
    const start = async (workers: string) => {
      const s = runServer({ BOILERSTRIP_WORKERS: workers, BOILERSTRIP_SITES_DIR: dir }, children);
      const url = await s.listening;
      for (let i = 0; i < 600; i++) { try { if ((await fetch(url + "/healthz")).ok) break; } catch { /* not yet */ } await new Promise((r) => setTimeout(r, 50)); }
      return { s, url };
    };
    const ask = (url: string, p: string, init?: RequestInit) => fetch(url + p, { ...init, headers: { ...init?.headers, connection: "close" } });
    const first = await start("2");
    for (let k = 0; k < 3; k++) {
      const res = await ask(first.url, "/v1/sites/disk.example/learn", { method: "POST", headers: { "content-type": "text/plain" }, body: sitePage(k) });
      expect(((await res.json()) as { pages: number }).pages).toBe(k + 1);
    }
    first.s.child.kill("SIGTERM");
    expect(await first.s.exited).toBe(0);
    expect(fs.readdirSync(dir)).toEqual([siteFileName("disk.example")]);

    const second = await start("1");
    expect(((await (await ask(second.url, "/v1/sites/disk.example")).json()) as { pages: number }).pages).toBe(3);
    const body = (await (await ask(second.url, "/v1/clean", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: sitePage(3), site: "disk.example" }) })).json()) as { text: string };
    expect(body.text).not.toContain(APPEAL);
    second.s.child.kill("SIGTERM");
    expect(await second.s.exited).toBe(0);
  }, 120_000);
});
