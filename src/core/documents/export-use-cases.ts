import { webhookEvent } from "../webhooks/index.ts";
import { and, asc, eq, gt, type SQL } from "drizzle-orm";
import { z } from "zod";
import { documentExports } from "../../../db/schema.ts";
import { auditStatement } from "../kernel/audit/audit-statement.ts";
import type { Ctx } from "../kernel/context.ts";
import { AppError, invalid, notFound } from "../kernel/errors.ts";
import { Id } from "../kernel/values/values.ts";
import { idOrReference, NAMED_AGREEMENT, resolveNamedFields } from "../register/index.ts";
import { type Page, pageFields, toPage } from "../kernel/paging.ts";
import { parseInput } from "../kernel/input/parse-input.ts";
import { DOCUMENT_FORMATS, DOCUMENT_KINDS, parseDocumentRequest } from "./document-request.ts";
import type { DocumentExport, ExportVerification } from "./export-record.ts";
import { TEMPLATE_VERSION } from "../generated/templates.ts";
import { type Checkpoint, checkpointOfSize, signCheckpoint } from "../kernel/audit/checkpoints.ts";
import { lastSeqAt, loadDocumentSnapshot } from "./register-snapshot.ts";
import { type RenderedDocument, renderDocument } from "./render-document.ts";

type ExportRow = typeof documentExports.$inferSelect;

/**
 * Renders a document and records the export (what was asked, the as-of
 * state and the sha256 of the bytes) with its audit entry, atomically.
 */
export async function exportDocument(ctx: Ctx, raw: unknown): Promise<ExportedDocument> {
  const request = await parseDocumentRequest(ctx.store.db, raw);
  const now = ctx.clock.now().toISOString();
  const asOf = request.asOf ? new Date(request.asOf).toISOString() : now;
  if (asOf > now) throw invalid([{ path: "asOf", message: "The register's future is not known yet: give an instant up to now." }]);

  const throughSeq = await lastSeqAt(ctx.store.db, asOf);
  const snapshot = await loadDocumentSnapshot(ctx.store.db, asOf, throughSeq, request);
  // Every export is signed: whoever keeps the document keeps a checkpoint of the whole trail.
  const checkpoint = ctx.checkpointSigner ? await signCheckpoint(ctx.store, ctx.checkpointSigner, ctx.clock) : null;
  const document = await renderDocument(snapshot, { ...request, checkpoint });
  const row: ExportRow = {
    id: ctx.newId(),
    kind: request.kind,
    agreementId: request.agreementId,
    language: document.language,
    format: request.format,
    draft: request.draft,
    asOf,
    throughSeq,
    templateVersion: document.templateVersion,
    fingerprint: document.fingerprint,
    sha256: document.sha256,
    byteLength: document.bytes.length,
    fileName: document.fileName,
    actorId: ctx.actor.id,
    actorName: ctx.actor.name,
    createdAt: now,
    checkpointSize: checkpoint?.size ?? null,
  };
  const record = toRecord(row);
  const { kind, agreementId, format, language, asOf: stateAsOf, sha256, fingerprint, fileName } = record;
  await ctx.store.atomic([
    ctx.store.db.insert(documentExports).values(row),
    auditStatement(ctx, { action: "export", entityType: "document_export", entityId: row.id, before: null, after: record }, now),
    ...(await webhookEvent(
      ctx,
      "export.made",
      { type: "document_export", id: row.id, path: `/api/v1/exports/${row.id}` },
      { kind, agreementId, format, language, asOf: stateAsOf, sha256, fingerprint, fileName },
      now,
    )),
  ]);
  return { record, document, checkpoint };
}

export interface ExportedDocument {
  record: DocumentExport;
  document: RenderedDocument;
  /** The checkpoint printed in it, null when the service has no signing key or the export predates checkpoints. */
  checkpoint: Checkpoint | null;
}

export const ExportFilter = z.strictObject({
  kind: z.enum(DOCUMENT_KINDS).optional(),
  format: z.enum(DOCUMENT_FORMATS).optional(),
  agreementId: idOrReference(NAMED_AGREEMENT).optional(),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, "A SHA-256 in lower-case hex (64 characters).")
    .optional()
    .describe("Find the export a file came from."),
  ...pageFields({ max: 500, default: 100, cursor: Id }),
});

/** Past exports, oldest first. */
export async function listExports(ctx: Ctx, rawQuery: Record<string, string>): Promise<Page<DocumentExport>> {
  const q = await resolveNamedFields(ctx.store.db, parseInput(ExportFilter, rawQuery), { agreementId: NAMED_AGREEMENT });
  const conditions: SQL[] = [];
  if (q.kind) conditions.push(eq(documentExports.kind, q.kind));
  if (q.format) conditions.push(eq(documentExports.format, q.format));
  if (q.agreementId) conditions.push(eq(documentExports.agreementId, q.agreementId));
  if (q.sha256) conditions.push(eq(documentExports.sha256, q.sha256));
  if (q.cursor) conditions.push(gt(documentExports.id, q.cursor));
  const rows = await ctx.store.db
    .select()
    .from(documentExports)
    .where(and(...conditions))
    .orderBy(asc(documentExports.id))
    .limit(q.limit + 1);
  const { items, nextCursor } = toPage(rows, q.limit);
  return { items: items.map(toRecord), nextCursor };
}

export async function getExport(ctx: Ctx, id: string): Promise<DocumentExport> {
  return toRecord(await loadRow(ctx, id));
}

/** Renders a past export again from the register as it stood at its as-of instant. */
export async function regenerateExport(ctx: Ctx, id: string): Promise<ExportedDocument> {
  const row = await loadRow(ctx, id);
  const snapshot = await loadDocumentSnapshot(ctx.store.db, row.asOf, row.throughSeq, row);
  const checkpoint = row.checkpointSize === null ? null : await checkpointOfSize(ctx.store.db, row.checkpointSize);
  const document = await renderDocument(snapshot, {
    kind: row.kind,
    agreementId: row.agreementId,
    language: row.language,
    format: row.format,
    draft: row.draft,
    checkpoint,
  });
  return { record: toRecord(row), document, checkpoint };
}

/** Regenerates a past export and compares its bytes with the recorded sha256. */
export async function verifyExport(ctx: Ctx, id: string): Promise<ExportVerification> {
  const { record, document } = await regenerateExport(ctx, id);
  const verified = document.sha256 === record.sha256;
  let explanation: string;
  if (verified) explanation = `Regenerated as of ${record.asOf}: the bytes match the export.`;
  else if (record.templateVersion !== TEMPLATE_VERSION) {
    explanation = `The templates changed since the export (version ${record.templateVersion}, now ${TEMPLATE_VERSION}), so the bytes differ; the register state as of ${record.asOf} is unchanged in the audit trail.`;
  } else
    explanation = `Regenerated as of ${record.asOf} with the same templates, but the bytes differ: the audit trail does not reproduce the exported state.`;
  return { export: record, verified, regeneratedSha256: document.sha256, currentTemplateVersion: TEMPLATE_VERSION, explanation };
}

async function loadRow(ctx: Ctx, id: string): Promise<ExportRow> {
  if (!Id.safeParse(id).success) throw new AppError("not_found", `No export with id ${id}.`);
  const [row] = await ctx.store.db.select().from(documentExports).where(eq(documentExports.id, id));
  if (!row) throw notFound("export", id);
  return row;
}

function toRecord(row: ExportRow): DocumentExport {
  const { throughSeq, actorId, actorName, ...rest } = row;
  return { ...rest, auditSeq: throughSeq, actor: { id: actorId, name: actorName } } as DocumentExport;
}
