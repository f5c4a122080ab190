// Errors Node's HTTP server raises before the app sees a request (a client too slow to send its
// headers or body, a malformed request line or headers) are answered in the API's JSON error
// shape instead of Node's empty default, and the connection is closed.
import { RequestError, type ServerType } from "@hono/node-server";
import type { Duplex } from "node:stream";

const REPLIES: Record<string, [number, string, string, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, "Request Timeout", "request_timeout", "the request was not received in time"],
  HPE_HEADER_OVERFLOW: [431, "Request Header Fields Too Large", "bad_request", "the request headers are too large"],
};
const BAD_REQUEST: [number, string, string, string] = [400, "Bad Request", "bad_request", "malformed HTTP request"];

export function answerClientErrors(server: ServerType): void {
  server.on("clientError", (err: NodeJS.ErrnoException, socket: Duplex & { _httpMessage?: { headersSent?: boolean } }) => {
    // Only when no response has started on this socket: otherwise the reply would corrupt it.
    if (socket.writable && !socket._httpMessage?.headersSent && err.code !== "ECONNRESET") {
      const [status, reason, code, message] = REPLIES[err.code ?? ""] ?? BAD_REQUEST;
      socket.write(rawErrorReply(status, reason, code, message));
    }
    socket.destroy();
  });
}

/** An error answer in the API's JSON shape, as the bytes of an HTTP/1.1 response that closes the connection. */
export function rawErrorReply(status: number, reason: string, code: string, message: string, headers = ""): string {
  const body = JSON.stringify({ error: { code, message } });
  return (
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
    `x-content-type-options: nosniff\r\n${headers}connection: close\r\n\r\n${body}`
  );
}

/**
 * A request the adapter cannot make a Request of (a malformed or missing Host header, a target
 * that is no URL path): the API's JSON 400 instead of the adapter's empty one
 * (getRequestListener's errorHandler).
 */
export function unreadableRequest(err: unknown): Response {
  // The adapter calls this for the app's own failures too: those are ours, a 500 (the app answers
  // its errors itself, so this is a last resort), logged without the request's data.
  const bad = err instanceof RequestError;
  if (!bad) console.error(`internal error in the HTTP adapter: ${err instanceof Error ? err.message : String(err)}`);
  const error = bad ? { code: "bad_request", message: `malformed HTTP request: ${err.message.toLowerCase()}` } : { code: "internal", message: "internal error" };
  return new Response(JSON.stringify({ error }), {
    status: bad ? 400 : 500,
    headers: { "content-type": "application/json", "x-content-type-options": "nosniff", connection: "close" },
  });
}
