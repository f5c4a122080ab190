// The shared HTTP cases (and the site-template ones) against the Node server, started on a free
// port and called over a socket.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type NodeServer } from "../../src/node/server.ts";
import { HTML_CASES, HTTP_CASES } from "../http/cases.ts";
import { SITE_CASES } from "../http/site-cases.ts";

let server: NodeServer;
beforeAll(async () => {
  server = await startServer({ port: 0, host: "127.0.0.1", env: {} });
});
afterAll(() => server?.close());

describe("HTTP against the Node server", () => {
  it("listens on a loopback socket", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
  // The server keeps site templates in its memory (startServer), so the site cases run here too.
  for (const c of [...HTTP_CASES, ...HTML_CASES, ...SITE_CASES]) it(c.name, () => c.run((path, init) => fetch(server.url + path, init)));
});

describe("a body over the limit, sent whole before the answer is read", () => {
  // As Python's urllib sends: the headers and all 12 MB without waiting for an answer, then the
  // answer is read. Answered at once, the server closed the connection while the bytes were still
  // arriving, and the client's writes failed (EPIPE / ECONNRESET) before it could read the 413.
  it("gets the 413 in full: the server reads and drops the body (up to 8 x the limit) before it answers", async () => {
    const { port } = new URL(server.url);
    const bodyBytes = 12 * 1024 * 1024;
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), "127.0.0.1");
      let got = "";
      socket.on("data", (d) => (got += d.toString("latin1")));
      socket.on("error", (e) => reject(e));
      socket.on("close", () => resolve(got));
      socket.write(`POST /v1/clean HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: ${bodyBytes}\r\n\r\n`);
      const chunk = Buffer.alloc(1024 * 1024, "a");
      for (let i = 0; i < bodyBytes / chunk.length; i++) socket.write(chunk);
      socket.end();
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain('"code":"payload_too_large"');
  });

  it("a Content-Length over the limit that the client does not send in full is answered 413 after the drain's 2 s, not at the request timeout", async () => {
    const { port } = new URL(server.url);
    const t0 = Date.now();
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), "127.0.0.1");
      let got = "";
      socket.on("data", (d) => { got += d.toString("latin1"); if (got.includes("}}")) socket.destroy(); });
      socket.on("error", reject);
      socket.on("close", () => resolve(got));
      socket.write(`POST /v1/clean HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: ${3 * 1024 * 1024}\r\n\r\n`);
      socket.write(Buffer.alloc(1024 * 1024, "a"));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });
});

describe("an answer given before the body is read", () => {
  // A 415 (media type), 404 or 405 is answered without reading the body. A client that goes on
  // sending must not hold the connection, or the server's reading, for as long as it likes:
  // @hono/node-server reads and drops an unread body for 500 ms or 64 MB at most, then closes.
  const endless = (path: string, contentType: string) => {
    const { port } = new URL(server.url);
    return new Promise<{ answer: string; sentMb: number; closed: boolean }>((resolve) => {
      const socket = net.connect(Number(port), "127.0.0.1");
      let answer = "", sentMb = 0, closed = false;
      const chunk = Buffer.alloc(1024 * 1024, "a");
      socket.on("data", (d) => (answer += d.toString("latin1")));
      socket.on("error", () => {});
      socket.write(`POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: ${contentType}\r\nTransfer-Encoding: chunked\r\n\r\n`);
      const t0 = Date.now();
      const tick = setInterval(() => {
        if (closed || Date.now() - t0 > 15_000) {
          clearInterval(tick);
          socket.destroy();
          resolve({ answer, sentMb, closed });
          return;
        }
        socket.write(`${chunk.length.toString(16)}\r\n`);
        socket.write(chunk);
        socket.write("\r\n");
        sentMb++;
      }, 10);
      socket.on("close", () => (closed = true));
    });
  };
  for (const [path, type, status] of [["/v1/clean", "image/png", 415], ["/nowhere", "text/plain", 404], ["/healthz", "text/plain", 405]] as const) {
    it(`${status}: the connection is closed while the client is still sending`, async () => {
      const r = await endless(path, type);
      expect(r.answer).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
      expect(r.closed).toBe(true);
      expect(r.sentMb).toBeLessThan(200);
    }, 20_000);
  }
});
