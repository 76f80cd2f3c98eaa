import type { Context } from "hono";
import type { RenderedDocument } from "../../../core/documents/render-document.ts";
import type { AppEnv } from "../../env.ts";
import { DOCUMENT_CSP } from "../../security-headers.ts";

/**
 * A rendered document as the API sends it (same headers), shown in the
 * browser when it is the HTML preview and saved as a file otherwise.
 */
export function documentResponse(c: Context<AppEnv>, document: RenderedDocument, exportId: string): Response {
  const preview = document.contentType.startsWith("text/html");
  return c.body(document.bytes as Uint8Array<ArrayBuffer>, 200, {
    "content-type": document.contentType,
    "content-disposition": `${preview ? "inline" : "attachment"}; filename="${document.fileName}"`,
    "content-security-policy": DOCUMENT_CSP,
    "cache-control": "no-store",
    "x-export-id": exportId,
    "x-content-sha256": document.sha256,
    "x-document-fingerprint": document.fingerprint,
  });
}
