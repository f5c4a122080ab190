// Clients that hold a connection without finishing their request: the Node server ends them with
// a JSON 408 and closes the socket (requestTimeout / headersTimeout in src/node/server.ts), and
// keeps serving others meanwhile. A malformed request gets a JSON 400. Raw sockets, since fetch
// cannot trickle.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type NodeServer } from "../../src/node/server.ts";

const TIMEOUT_MS = 1_000;
let server: NodeServer;
beforeAll(async () => void (server = await startServer({ port: 0, host: "127.0.0.1", env: { BOILERSTRIP_REQUEST_TIMEOUT_MS: String(TIMEOUT_MS) } })));
afterAll(() => server?.close());

/** Opens a socket, sends `head`, then one byte of `trickle` every `everyMs` until the server closes. */
function trickle(head: string, trickleBytes: string, everyMs: number): Promise<{ reply: string; ms: number; sent: number }> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const sock = net.connect(Number(port), "127.0.0.1");
    let reply = "";
    let sent = 0;
    let timer: ReturnType<typeof setInterval> | undefined;
    sock.on("connect", () => {
      sock.write(head);
      timer = setInterval(() => {
        if (sent < trickleBytes.length && sock.writable) sock.write(trickleBytes[sent++]);
      }, everyMs);
    });
    sock.on("data", (d) => (reply += d));
    sock.on("error", () => {}); // a reset after the reply is the expected end
    sock.on("close", () => {
      clearInterval(timer);
      resolve({ reply, ms: performance.now() - t0, sent });
    });
    setTimeout(() => reject(new Error(`not closed after 15 s; got ${JSON.stringify(reply)}`)), 15_000).unref();
  });
}

function parseReply(reply: string): { status: number; headers: string; body: { error: { code: string; message: string } } } {
  const [head, body] = reply.split("\r\n\r\n");
  return { status: Number(head.split(" ")[1]), headers: head.toLowerCase(), body: JSON.parse(body) };
}

describe("slow and broken clients against the Node server", () => {
  it("a body trickled one byte every 100 ms gets a JSON 408 and the connection closed", async () => {
    const body = "A line of article text that arrives far too slowly. ".repeat(4);
    const head = `POST /v1/clean HTTP/1.1\r\nhost: x\r\ncontent-type: text/plain\r\ncontent-length: ${body.length}\r\n\r\n`;
    const { reply, ms, sent } = await trickle(head, body, 100);
    const r = parseReply(reply);
    expect(r.status).toBe(408);
    expect(r.headers).toContain("content-type: application/json");
    expect(r.body.error.code).toBe("request_timeout");
    expect(sent).toBeLessThan(body.length);
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS * 0.9);
    expect(ms).toBeLessThan(TIMEOUT_MS * 6);
  });

  it("headers trickled one byte every 100 ms (slowloris) get a JSON 408", async () => {
    const head = "GET /healthz HTTP/1.1\r\nhost: x\r\nx-slow: " + "a".repeat(200);
    const { reply, ms } = await trickle("", head, 100);
    const r = parseReply(reply);
    expect(r.status).toBe(408);
    expect(r.body.error.code).toBe("request_timeout");
    expect(ms).toBeLessThan(TIMEOUT_MS * 6);
  });

  it("the server answers other clients while one trickles", async () => {
    const body = "slow ".repeat(100);
    const slow = trickle(`POST /v1/clean HTTP/1.1\r\nhost: x\r\ncontent-length: ${body.length}\r\n\r\n`, body, 100);
    const res = await fetch(server.url + "/v1/clean", { method: "POST", body: "A sentence of the article, written as prose and ending with a period." });
    expect(res.status).toBe(200);
    expect(parseReply((await slow).reply).status).toBe(408);
  });

  it("a malformed request line gets a JSON 400, not a crash", async () => {
    const { reply } = await trickle("GARBAGE\x00\x01 / NOT-HTTP\r\n\r\n", "", 1000);
    const r = parseReply(reply);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("bad_request");
    expect((await fetch(server.url + "/healthz")).status).toBe(200);
  });
});
