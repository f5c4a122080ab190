// The OpenAPI 3.1 document, built from the zod schemas the handlers validate with, served at
// /openapi.json; the interactive docs page at /docs reads it.
import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { docsPage } from "./docs-page.ts";
import { BatchItemSchema, BatchSchema, CleanResultSchema, DocumentSchema, ErrorSchema, MAX_BATCH_DOCS, QuerySchema, SiteParamSchema, TemplateSummarySchema } from "./schemas.ts";

const errors = (codes: Record<number, string>) =>
  Object.fromEntries(Object.entries(codes).map(([status, description]) => [status, { description, content: { "application/json": { schema: ErrorSchema } } }]));

const text = (description: string) => ({ schema: z.string().openapi({ description }) });

// What /v1/clean and /v1/sites/{site}/learn take: one document, in any of the forms request.ts reads.
const documentBody = { required: true, content: { "application/json": { schema: DocumentSchema }, "text/plain": text("The scraped text."), "text/markdown": text("The scraped text as Markdown."), "text/html": text("The page's HTML.") } };
const busy = "Node: the server is busy (`server_busy`: its most connections open, none idle long enough to make room, or the page-reading thread taken for too long); retry after Retry-After.";
const documentErrors = { 413: "Body over the size limit.", 415: "Unsupported media type or charset.", 422: "The document took longer than the time budget.", 503: busy };

export function registerOpenApi(app: OpenAPIHono, version: () => string): void {
  const r = app.openAPIRegistry;
  r.registerPath({
    method: "post",
    path: "/v1/clean",
    summary: "Clean one document",
    description: "Send scraped text (text/plain, or text/markdown), a page (text/html) or a JSON document. Options go in `options` or the query string.",
    request: {
      query: QuerySchema,
      body: documentBody,
    },
    responses: {
      200: { description: "The body, title, meta, confidence and removed lines.", content: { "application/json": { schema: CleanResultSchema } } },
      ...errors({ 400: "Malformed JSON, no text, invalid options.", ...documentErrors }),
    },
  });
  r.registerPath({
    method: "post",
    path: "/v1/clean/batch",
    summary: "Clean many documents",
    description: `A JSON array of at most ${MAX_BATCH_DOCS} documents answers with an array in the same order; NDJSON (application/x-ndjson, one document a line) answers with NDJSON streamed in the same order, without a count limit. Each element is the document's result or its own error, with its \`index\` and \`id\`.`,
    request: {
      query: QuerySchema,
      body: { required: true, content: { "application/json": { schema: BatchSchema }, "application/x-ndjson": text("One JSON document a line.") } },
    },
    responses: {
      200: {
        description: "One item per document, in order.",
        content: { "application/json": { schema: z.array(BatchItemSchema) }, "application/x-ndjson": text("One BatchItem a line.") },
      },
      ...errors({ 400: "Not an array, or malformed JSON.", 413: "Too many documents or too large.", 415: "Unsupported media type.", 503: busy }),
    },
  });
  const template = { 200: { description: "The site's template, as counts.", content: { "application/json": { schema: TemplateSummarySchema } } } };
  const siteErrors = { 400: "A blank or oversized site.", 501: "This server keeps no site templates.", 503: "The template store failed." };
  r.registerPath({
    method: "post",
    path: "/v1/sites/{site}/learn",
    summary: "Learn a page into its site's template",
    description: "Cleans the page (the bodies /v1/clean takes) and adds it to the site's template; the site's next pages lose the kept lines most of its last 20 pages hold. /v1/clean with siteTemplate=learn does the same and returns the cleaned page.",
    request: {
      params: SiteParamSchema,
      query: QuerySchema,
      body: documentBody,
    },
    responses: { ...template, ...errors({ ...siteErrors, ...documentErrors, 503: `The template store failed (\`site_store_unavailable\`), or ${busy}`, 507: "The server keeps as many sites as it may: delete one first." }) },
  });
  r.registerPath({
    method: "get",
    path: "/v1/sites/{site}",
    summary: "What a site's template holds",
    request: { params: SiteParamSchema },
    responses: { ...template, ...errors({ ...siteErrors, 404: "No page of the site has been learned." }) },
  });
  r.registerPath({
    method: "delete",
    path: "/v1/sites/{site}",
    summary: "Forget a site's template",
    request: { params: SiteParamSchema },
    responses: {
      200: { description: "Whether there was one.", content: { "application/json": { schema: z.object({ site: z.string(), deleted: z.boolean() }) } } },
      ...errors(siteErrors),
    },
  });
  r.registerPath({
    method: "get",
    path: "/healthz",
    summary: "Liveness and the model version",
    responses: { 200: { description: "ok", content: { "application/json": { schema: z.object({ status: z.literal("ok"), model: z.string() }) } } } },
  });

  app.doc31("/openapi.json", () => ({
    openapi: "3.1.0",
    info: {
      title: "boilerstrip",
      version: version(),
      description: "Strips boilerplate from scraped article text and returns the body with a calibrated confidence. Errors are `{error: {code, message}}`.",
    },
  }));
  app.get("/docs", (c) => c.html(docsPage()));
}
