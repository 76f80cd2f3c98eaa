import type { Ctx } from "../../kernel/context.ts";
import { parseDocumentRequest } from "../document-request.ts";
import { lastSeqAt, loadDocumentSnapshot } from "../register-snapshot.ts";
import { documentContent } from "../render-document.ts";
import type { Finding } from "./finding.ts";

/** The completeness check of one document on the current register: what the law requires and the register lacks. */
export async function checkDocument(ctx: Ctx, raw: unknown): Promise<{ language: string; complete: boolean; findings: Finding[] }> {
  const request = await parseDocumentRequest(ctx.store.db, { ...(raw as object), format: "json" });
  const asOf = request.asOf ? new Date(request.asOf).toISOString() : ctx.clock.now().toISOString();
  const snapshot = await loadDocumentSnapshot(ctx.store.db, asOf, await lastSeqAt(ctx.store.db, asOf), request);
  const content = documentContent(snapshot, request);
  return { language: content.language, complete: content.findings.length === 0, findings: content.findings };
}
