import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  checkDocument,
  DOCUMENT_FORMATS,
  DocumentExport,
  type DocumentKind,
  exportDocument,
  ExportFilter,
  ExportVerification,
  getExport,
  listExports,
  regenerateExport,
  verifyExport,
} from "../../core/documents/index.ts";
import { Language } from "../../core/kernel/values/values.ts";
import { NAMED_AGREEMENT } from "../../core/register/index.ts";
import type { AppEnv } from "../env.ts";
import { requirePermission } from "../middleware/auth.ts";
import { IdParam, json, namedIdParam, permissionOf, readErrors, security } from "./openapi-common.ts";
import { documentResponse } from "../document-response.ts";

const DocumentQuery = z.strictObject({
  format: z
    .enum(DOCUMENT_FORMATS)
    .optional()
    .describe(
      "html (default), pdf, csv or xlsx (Art. 30 records only: one row per activity, the same columns), json, or jsonld (the W3C Data Privacy Vocabulary, see docs/linked-data.md).",
    ),
  lang: Language.optional().describe("Defaults to the agreement's language for an annex, else the organisation's default language."),
  asOf: z.string().optional().describe("ISO 8601 instant: render the register as it stood then (default: now)."),
  draft: z.enum(["true", "false"]).optional().describe("true: show the completeness check as a warning block."),
});
const AgreementParam = namedIdParam(NAMED_AGREEMENT, "agreementId");

const FILE_RESPONSE = {
  description: "The document, with its export id and sha256 in headers.",
  headers: {
    "X-Export-Id": {
      description: "The recorded export; verify it later at /api/v1/exports/{id}/verify.",
      schema: { type: "string" as const },
    },
    "X-Content-SHA256": { description: "SHA-256 of the body.", schema: { type: "string" as const } },
    "X-Document-Fingerprint": { description: "SHA-256 of the document's content, as printed in it.", schema: { type: "string" as const } },
    "Audit-Checkpoint": {
      description:
        "The signed audit checkpoint the document carries: size, head, at, key (id), publicKey and signature (see GET /public/checkpoints).",
      schema: { type: "string" as const },
    },
  },
  content: {
    "text/html": { schema: z.string() },
    "application/pdf": { schema: z.string().meta({ format: "binary" }) },
    "text/csv": { schema: z.string() },
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: z.string().meta({ format: "binary" }) },
    "application/json": { schema: z.object({}).passthrough() },
    "application/ld+json": { schema: z.object({}).passthrough() },
  },
};
const Findings = z
  .object({
    language: z.string(),
    complete: z.boolean(),
    findings: z.array(
      z.object({
        article: z.string(),
        code: z.string(),
        message: z.string(),
        entityType: z.string().nullable(),
        entityId: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "CompletenessCheck" });

const read = requirePermission("register:read");
const DOCUMENTS: { kind: DocumentKind; path: string; summary: string }[] = [
  { kind: "art30-controller", path: "/api/v1/documents/art30-controller", summary: "The Art. 30(1) record (controller)" },
  { kind: "art30-processor", path: "/api/v1/documents/art30-processor", summary: "The Art. 30(2) record (processor), per controller" },
  { kind: "annex", path: "/api/v1/documents/annex/{agreementId}", summary: "The DPA annexes I-IV of one agreement" },
];

export function registerDocumentRoutes(app: OpenAPIHono<AppEnv>): void {
  for (const { kind, path, summary } of DOCUMENTS) {
    const params = kind === "annex" ? { params: AgreementParam } : {};
    app.openapi(
      createRoute({
        method: "get",
        path,
        tags: ["Documents"],
        summary,
        description:
          "Renders the document as HTML, PDF, CSV, XLSX, JSON or JSON-LD and records the export (as-of state, template version, sha256).",
        security,
        ...permissionOf("register:read"),
        middleware: [read] as const,
        request: { query: DocumentQuery, ...params },
        responses: { 200: FILE_RESPONSE, ...readErrors },
      }),
      async (c) => {
        const q = c.req.query();
        const exported = await exportDocument(c.get("ctx"), {
          kind,
          agreementId: c.req.param("agreementId") ?? null,
          format: q.format,
          language: q.lang,
          asOf: q.asOf,
          draft: q.draft === undefined ? undefined : q.draft === "true",
        });
        return documentResponse(c, exported) as never;
      },
    );
    app.openapi(
      createRoute({
        method: "get",
        path: `${path}/completeness`,
        tags: ["Documents"],
        summary: `${summary}: completeness check`,
        description: "What the law requires in this document and the register does not hold yet, with article references.",
        security,
        ...permissionOf("register:read"),
        middleware: [read] as const,
        request: { query: DocumentQuery.pick({ lang: true, asOf: true }), ...params },
        responses: { 200: json(Findings, "The findings; empty when complete."), ...readErrors },
      }),
      async (c) => {
        const q = c.req.query();
        return c.json(
          await checkDocument(c.get("ctx"), { kind, agreementId: c.req.param("agreementId") ?? null, language: q.lang, asOf: q.asOf }),
          200,
        );
      },
    );
  }

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/exports",
      tags: ["Documents"],
      summary: "Past exports, oldest first",
      security,
      ...permissionOf("register:read"),
      middleware: [read] as const,
      request: { query: ExportFilter },
      responses: {
        200: json(
          z.object({ items: z.array(DocumentExport.meta({ id: "DocumentExport" })), nextCursor: z.string().nullable() }),
          "One page.",
        ),
        ...readErrors,
      },
    }),
    async (c) => c.json(await listExports(c.get("ctx"), c.req.query()), 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/exports/{id}",
      tags: ["Documents"],
      summary: "One past export",
      security,
      ...permissionOf("register:read"),
      middleware: [read] as const,
      request: { params: IdParam },
      responses: { 200: json(DocumentExport, "Found."), ...readErrors },
    }),
    async (c) => c.json(await getExport(c.get("ctx"), c.req.param("id")), 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/exports/{id}/verify",
      tags: ["Documents"],
      summary: "Regenerate a past export and compare its sha256",
      security,
      ...permissionOf("register:read"),
      middleware: [read] as const,
      request: { params: IdParam },
      responses: { 200: json(ExportVerification.meta({ id: "ExportVerification" }), "The comparison."), ...readErrors },
    }),
    async (c) => c.json(await verifyExport(c.get("ctx"), c.req.param("id")), 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/exports/{id}/file",
      tags: ["Documents"],
      summary: "Download a past export again, regenerated as of its instant",
      security,
      ...permissionOf("register:read"),
      middleware: [read] as const,
      request: { params: IdParam },
      responses: { 200: FILE_RESPONSE, ...readErrors },
    }),
    async (c) => {
      return documentResponse(c, await regenerateExport(c.get("ctx"), c.req.param("id"))) as never;
    },
  );
}
