import { asc, eq, or } from "drizzle-orm";
import { agreements, termsChanges } from "../../../../db/schema.ts";
import type { Ctx } from "../../kernel/context.ts";
import { invalid, notFound } from "../../kernel/errors.ts";
import { inList } from "../../kernel/ports/in-list.ts";
import type { Db, Statement } from "../../kernel/ports/store.ts";
import { guardRow } from "../../kernel/write-guard.ts";
import type { TermsChange } from "../model/terms-change.ts";

type TermsRow = typeof termsChanges.$inferSelect;

export function toTermsChange(row: TermsRow): TermsChange {
  return {
    ...row,
    announcedAt: row.announcedAt ?? null,
    earliestEffective: row.earliestEffective ?? null,
    effectiveAt: row.effectiveAt ?? null,
    withdrawnAt: row.withdrawnAt ?? null,
    withdrawalReason: row.withdrawalReason ?? null,
  };
}

export async function findTermsChange(db: Db, id: string): Promise<TermsChange> {
  const [row] = await db.select().from(termsChanges).where(eq(termsChanges.id, id));
  if (!row) throw notFound("terms change", id);
  return toTermsChange(row);
}

export async function termsChangesWith(db: Db, status: TermsChange["status"] | undefined): Promise<TermsChange[]> {
  const rows = await db
    .select()
    .from(termsChanges)
    .where(status ? eq(termsChanges.status, status) : undefined)
    .orderBy(asc(termsChanges.createdAt), asc(termsChanges.id));
  return rows.map(toTermsChange);
}

/** Fails the atomic unit unless the terms change still has the revision the use case read. */
export function guardTermsChange(db: Db, change: TermsChange): Statement {
  return guardRow(db, { table: termsChanges, id: termsChanges.id, revision: termsChanges.revision }, change.id, change.revision);
}

/** The ids of agreements named by id or reference, in the order given; an unknown one is a 422 naming it. */
export async function agreementIdsOf(ctx: Ctx, named: string[]): Promise<string[]> {
  const wanted = [...new Set(named)];
  const rows = await ctx.store.db
    .select({ id: agreements.id, reference: agreements.reference })
    .from(agreements)
    .where(or(inList(agreements.id, wanted), inList(agreements.reference, wanted)));
  const found = new Map<string, string>();
  for (const row of rows) {
    found.set(row.id, row.id);
    found.set(row.reference, row.id);
  }
  const unknown = wanted.filter((name) => !found.has(name));
  if (unknown.length > 0) {
    throw invalid(unknown.slice(0, 20).map((name) => ({ path: "agreementIds", message: `No agreement with id or reference "${name}".` })));
  }
  return [...new Set(wanted.map((name) => found.get(name) as string))];
}
