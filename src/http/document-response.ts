import type { Context } from "hono";
import { checkpointLine } from "../core/kernel/audit/checkpoints.ts";
import type { ExportedDocument, RenderedDocument } from "../core/documents/index.ts";
import type { AppEnv } from "./env.ts";
import { DOCUMENT_CSP } from "./security-headers.ts";

/**
 * An exported document as the API and the admin UI send it: shown in the
 * browser when it is HTML and saved as a file otherwise, with its export id,
 * hashes and the signed audit checkpoint it carries in headers.
 */
export function documentResponse(c: Context<AppEnv>, { document, record, checkpoint }: ExportedDocument): Response {
  return renderedResponse(c, document, {
    "x-export-id": record.id,
    ...(checkpoint ? { "audit-checkpoint": checkpointLine(checkpoint) } : {}),
  });
}

/** A rendered document as the answer: shown when HTML, downloaded when PDF, with its sha256 and fingerprint. */
export function renderedResponse(
  c: Context<AppEnv>,
  document: Pick<RenderedDocument, "bytes" | "contentType" | "fileName" | "sha256" | "fingerprint">,
  headers: Record<string, string> = {},
): Response {
  const preview = document.contentType.startsWith("text/html");
  return c.body(document.bytes as Uint8Array<ArrayBuffer>, 200, {
    "content-type": document.contentType,
    "content-disposition": `${preview ? "inline" : "attachment"}; filename="${document.fileName}"`,
    "content-security-policy": DOCUMENT_CSP,
    "cache-control": "no-store",
    "x-content-sha256": document.sha256,
    "x-document-fingerprint": document.fingerprint,
    ...headers,
  });
}
