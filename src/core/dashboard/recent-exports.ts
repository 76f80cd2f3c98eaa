import { desc, eq, lt } from "drizzle-orm";
import { z } from "zod";
import { agreements, documentExports } from "../../../db/schema.ts";
import type { Ctx } from "../kernel/context.ts";
import { Id } from "../kernel/values/values.ts";
import { type Page, pageFields, toPage } from "../kernel/paging.ts";
import { parseInput } from "../kernel/input/parse-input.ts";

const paging = pageFields({
  max: 200,
  default: 25,
  cursor: Id,
  describe: "Exports older than this one (ids are time-ordered): the next page.",
});
export const RecentExportsQuery = z.strictObject({ before: paging.cursor, limit: paging.limit });

/** A past export as the documents page lists it. */
export interface ExportLine {
  id: string;
  kind: string;
  agreementId: string | null;
  reference: string | null;
  language: string;
  format: string;
  draft: boolean;
  asOf: string;
  fingerprint: string;
  sha256: string;
  byteLength: number;
  fileName: string;
  actorName: string;
  createdAt: string;
}

/**
 * Past exports, newest first, with the annexes' agreement references in the
 * same query. (The API's listExports pages oldest first, as a feed.)
 */
export async function recentExports(ctx: Ctx, raw: Record<string, string>): Promise<Page<ExportLine>> {
  const q = parseInput(RecentExportsQuery, raw);
  const rows = await ctx.store.db
    .select({
      id: documentExports.id,
      kind: documentExports.kind,
      agreementId: documentExports.agreementId,
      reference: agreements.reference,
      language: documentExports.language,
      format: documentExports.format,
      draft: documentExports.draft,
      asOf: documentExports.asOf,
      fingerprint: documentExports.fingerprint,
      sha256: documentExports.sha256,
      byteLength: documentExports.byteLength,
      fileName: documentExports.fileName,
      actorName: documentExports.actorName,
      createdAt: documentExports.createdAt,
    })
    .from(documentExports)
    .leftJoin(agreements, eq(agreements.id, documentExports.agreementId))
    .where(q.before ? lt(documentExports.id, q.before) : undefined)
    .orderBy(desc(documentExports.id))
    .limit(q.limit + 1);
  return toPage(rows, q.limit);
}
