import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../env.ts";
import type { AllowedMethods } from "../failures.ts";
import { allowedMethods } from "../method-not-allowed.ts";
import { finishDocument } from "./openapi-document.ts";
import { referencePage } from "./reference-page.ts";

export const API_VERSION = "1.0.0";

/**
 * /api/openapi.json and its human-readable /api/reference. Called once every
 * route is registered: the document describes them, and from here on a known
 * path asked with another method answers 405 with its Allow header.
 */
export function describeApi(app: OpenAPIHono<AppEnv>, methods: AllowedMethods): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  const document = () =>
    finishDocument(
      app.getOpenAPI31Document({
        openapi: "3.1.0",
        info: {
          title: "DPA register",
          version: API_VERSION,
          description: "Processing activities, sub-processors and customer data processing agreements (GDPR Art. 28 and 30).",
        },
      }),
    );
  app.get("/api/openapi.json", (c) => c.json(document()));
  methods.of = allowedMethods(app.routes);
  app.get("/api/reference", (c) => {
    // Its stylesheet is inline; it has no script at all.
    c.header(
      "content-security-policy",
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    return c.html(referencePage(document() as never));
  });
}
