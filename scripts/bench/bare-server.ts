// The floor for reads and cold start: a bare Hono app on @hono/node-server serving fixed bytes.
// BARE_ROUTES names a JSON file of { path, file, headers }: each route answers the body in `file`
// with the headers the product sent (its security headers, request id, ETag, content type), so
// both send the same bytes; /health answers like the service's.
import { readFileSync } from "node:fs";
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const app = new Hono();
app.get("/health", (c) => c.json({ status: "ok" }));
const routes = process.env.BARE_ROUTES
  ? (JSON.parse(readFileSync(process.env.BARE_ROUTES, "utf8")) as { path: string; file: string; headers: Record<string, string> }[])
  : [];
for (const route of routes) {
  const body = readFileSync(route.file);
  app.get(route.path, (c) => c.body(body, 200, route.headers));
}
const server = serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: "127.0.0.1" });
const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
