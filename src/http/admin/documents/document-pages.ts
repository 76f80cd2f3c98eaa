import type { Context, Hono } from "hono";
import { documentOverview, exportRequestOf, recentExports } from "../../../core/dashboard/index.ts";
import { type DocumentKind, exportDocument, regenerateExport, verifyExport } from "../../../core/documents/index.ts";
import { AppError } from "../../../core/kernel/errors.ts";
import type { AppEnv } from "../../env.ts";
import { adminRoute } from "../admin-route.ts";
import { pageQuery, readWithQuery } from "../audit/page-query.ts";
import { renderPage } from "../ui/page.ts";
import { t } from "../ui/ui-language.ts";
import { documentResponse } from "../../document-response.ts";
import { documentsBody, type ListOptions } from "./documents-view.ts";
import { exportView } from "./export-view.ts";

/**
 * The documents: each can be previewed as HTML or downloaded, and every one
 * of them is recorded as an export exactly as through the API
 * (documents/export-use-cases.ts), so a file from the UI can be verified
 * like any other.
 */
export function registerDocumentPages(app: Hono<AppEnv>): void {
  adminRoute(app, "GET", "/admin/documents", "register:read", async (c) => {
    const ctx = c.get("ctx");
    const { exportsBefore, annexesFrom, ...links } = pageQuery(c);
    // The link options are checked as the document routes will check them, so a bad one fails here and not on a click.
    const options = await readWithQuery(async () => {
      exportRequestOf(ctx, { kind: "art30-controller", agreementId: null }, links, "html");
      return links as ListOptions;
    });
    const from = annexesFrom === undefined ? 0 : Number(annexesFrom);
    if (!Number.isInteger(from) || from < 0) throw new AppError("bad_request", t("admin.documents.annexesFromInvalid"));
    const [documents, exports] = await Promise.all([
      documentOverview(ctx),
      readWithQuery(() => recentExports(ctx, exportsBefore ? { before: exportsBefore } : {})),
    ]);
    return renderPage(c, {
      title: t("admin.documents.title"),
      body: documentsBody({ documents, exports, options, paging: { exportsBefore: exportsBefore ?? null, annexesFrom: from } }),
    });
  });

  for (const kind of ["art30-controller", "art30-processor"] as const) {
    adminRoute(app, "GET", `/admin/documents/${kind}/preview`, "register:read", (c) => sendDocument(c, kind, null, "html"));
    adminRoute(app, "GET", `/admin/documents/${kind}/download`, "register:read", (c) => sendDocument(c, kind, null, "download"));
  }
  adminRoute(app, "GET", "/admin/documents/annex/:agreementId/preview", "register:read", (c) =>
    sendDocument(c, "annex", c.req.param("agreementId") ?? "", "html"),
  );
  adminRoute(app, "GET", "/admin/documents/annex/:agreementId/download", "register:read", (c) =>
    sendDocument(c, "annex", c.req.param("agreementId") ?? "", "download"),
  );

  adminRoute(app, "GET", "/admin/documents/exports/:id", "register:read", async (c) => {
    const verification = await verifyExport(c.get("ctx"), c.req.param("id") ?? "");
    return renderPage(c, {
      title: t("admin.documents.exportTitle", { file: verification.export.fileName }),
      body: exportView(verification),
      trail: [["/admin/documents", t("admin.documents.title")]],
    });
  });
  // The same bytes again, regenerated from the audit trail as of the export's instant; not a new export.
  adminRoute(app, "GET", "/admin/documents/exports/:id/file", "register:read", async (c) => {
    return documentResponse(c, await regenerateExport(c.get("ctx"), c.req.param("id") ?? ""));
  });
}

async function sendDocument(
  c: Context<AppEnv>,
  kind: DocumentKind,
  agreementId: string | null,
  format: "html" | "download",
): Promise<Response> {
  const ctx = c.get("ctx");
  const request = await readWithQuery(async () => exportRequestOf(ctx, { kind, agreementId }, pageQuery(c), format));
  return documentResponse(c, await exportDocument(ctx, request));
}
