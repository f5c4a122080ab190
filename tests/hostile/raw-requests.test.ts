// Requests written byte by byte on a socket, as no HTTP client library would send them: a Host
// header that is not one, none at all, a client that never reads its (large) answer, and more
// connections than the server holds.
import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { EVICT_IDLE_MS } from "../../src/node/connection-cap.ts";
import { startServer, type NodeServer } from "../../src/node/server.ts";

const servers: NodeServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

const connections = (s: NodeServer) => new Promise<number>((resolve, reject) => s.server.getConnections((err, n) => (err ? reject(err) : resolve(n))));

/** Writes `raw` to the server and collects what comes back until the server closes the socket. */
function exchange(url: string, raw: string): Promise<{ text: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(raw));
    let text = "";
    socket.on("data", (d) => (text += d));
    socket.on("error", reject);
    socket.on("close", () => resolve({ text }));
  });
}

describe("raw requests to the Node server", () => {
  it("a malformed or missing Host header gets the API's JSON 400, not an empty one", async () => {
    const s = await startServer({ port: 0, host: "127.0.0.1", env: {} });
    servers.push(s);
    for (const head of ["GET /healthz HTTP/1.1\r\nHost: [bad\r\n", "GET /healthz HTTP/1.1\r\n"]) {
      const { text } = await exchange(s.url, `${head}Connection: close\r\n\r\n`);
      expect(text).toMatch(/^HTTP\/1\.1 400 /);
      expect(text).toMatch(/content-type: application\/json/i);
      expect(text).toMatch(/x-content-type-options: nosniff/i);
      const body = JSON.parse(text.slice(text.indexOf("\r\n\r\n") + 4).replace(/^[0-9a-f]+\r\n|\r\n0\r\n\r\n$/g, "")) as { error: { code: string } };
      expect(body.error.code).toBe("bad_request");
    }
  });

  it("keeps the socket of a request still being computed past the idle timeout (a JSON batch writes nothing until its end)", async () => {
    const s = await startServer({ port: 0, host: "127.0.0.1", env: {}, idleTimeoutMs: 300 });
    servers.push(s);
    const docs = Array.from({ length: 8 }, (_, i) => ({ id: i, text: "word\n".repeat(100_000) }));
    const t0 = performance.now();
    const res = await fetch(s.url + "/v1/clean/batch", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(docs) });
    expect(performance.now() - t0).toBeGreaterThan(300); // longer than the idle timeout
    expect(res.status).toBe(200);
    expect(((await res.json()) as unknown[]).length).toBe(8);
  });

  it("closes the socket of a client that never reads its answer, freeing what it buffered", async () => {
    const s = await startServer({ port: 0, host: "127.0.0.1", env: {}, idleTimeoutMs: 500 });
    servers.push(s);
    const open = () => new Promise<number>((resolve, reject) => s.server.getConnections((err, n) => (err ? reject(err) : resolve(n))));
    // ~100,000 one-word lines: with explain, an answer of several MB, more than the socket takes.
    const text = "word\n".repeat(100_000);
    const { port } = new URL(s.url);
    const socket = net.connect(Number(port), "127.0.0.1", () => socket.write(`POST /v1/clean?explain=1 HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: ${text.length}\r\n\r\n${text}`));
    socket.pause(); // never reads
    try {
      for (let i = 0; i < 100 && (await open()) === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(await open()).toBe(1);
      let n = 1;
      for (let i = 0; i < 150 && n > 0; i++) { await new Promise((r) => setTimeout(r, 100)); n = await open(); }
      expect(n).toBe(0); // the server closed its side
      expect((await fetch(s.url + "/healthz")).status).toBe(200);
    } finally {
      socket.destroy();
    }
  });

  it("over BOILERSTRIP_MAX_CONNECTIONS with every connection mid-request, answers 503 server_busy with Retry-After; once one is done, serves again", async () => {
    const s = await startServer({ port: 0, host: "127.0.0.1", env: { BOILERSTRIP_MAX_CONNECTIONS: "2" } });
    servers.push(s);
    const { port } = new URL(s.url);
    // Two clients each mid-way through sending a body: their requests are in progress.
    const body = "The council voted on Tuesday to keep the library open on Sundays, after a year of protests.";
    const busy = [0, 1].map(() => {
      const socket = net.connect(Number(port), "127.0.0.1", () => socket.write(`POST /v1/clean HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`));
      let answer = "";
      socket.on("data", (d) => (answer += d));
      return { socket, answer: () => answer };
    });
    try {
      for (let i = 0; i < 100 && (await connections(s)) < 2; i++) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 100)); // their headers parsed
      const { text } = await exchange(s.url, "POST /v1/clean HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\na b c");
      expect(text).toMatch(/^HTTP\/1\.1 503 /);
      expect(text).toMatch(/retry-after: 1\r\n/i);
      expect(JSON.parse(text.slice(text.indexOf("\r\n\r\n") + 4))).toMatchObject({ error: { code: "server_busy" } });
      // The first client finishes its body and gets its answer. Just idle, its connection is not
      // closed for a new one (it may be sending its next request): 503 still.
      busy[0].socket.write(body.slice(10));
      for (let i = 0; i < 100 && !busy[0].answer().includes("\r\n\r\n"); i++) await new Promise((r) => setTimeout(r, 20));
      expect(busy[0].answer()).toMatch(/^HTTP\/1\.1 200 /);
      expect((await exchange(s.url, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")).text).toMatch(/^HTTP\/1\.1 503 /);
      // Once it has been idle EVICT_IDLE_MS, a new connection takes its place.
      await new Promise((r) => setTimeout(r, EVICT_IDLE_MS + 100));
      const res = await fetch(s.url + "/healthz", { headers: { connection: "close" } });
      expect(res.status).toBe(200);
      await new Promise((r) => setTimeout(r, 100));
      expect(busy[0].socket.destroyed || busy[0].socket.readableEnded).toBe(true);
    } finally {
      for (const b of busy) b.socket.destroy();
    }
  });

  it("connections that only sit open never lock others out: at the cap the one idle longest (for EVICT_IDLE_MS at least) makes room", async () => {
    const s = await startServer({ port: 0, host: "127.0.0.1", env: { BOILERSTRIP_MAX_CONNECTIONS: "2" } });
    servers.push(s);
    const { port } = new URL(s.url);
    // Two sockets that send nothing.
    const closed: boolean[] = [false, false];
    const silent = [0, 1].map((k) => {
      const socket = net.connect(Number(port), "127.0.0.1");
      socket.on("close", () => (closed[k] = true));
      socket.on("error", () => {});
      return socket;
    });
    try {
      for (let i = 0; i < 100 && (await connections(s)) < 2; i++) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, EVICT_IDLE_MS + 100));
      for (let k = 0; k < 3; k++) expect((await fetch(s.url + "/healthz", { headers: { connection: "close" } })).status).toBe(200);
      await new Promise((r) => setTimeout(r, 100));
      // Only the room needed was made, from the socket idle longest: each fetch closed its own after.
      expect(closed).toEqual([true, false]);
    } finally {
      for (const socket of silent) socket.destroy();
    }
  });
});
