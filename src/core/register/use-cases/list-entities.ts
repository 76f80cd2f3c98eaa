import { and, asc, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../kernel/context.ts";
import type { EntityKind, EntityMeta } from "../entity-kind.ts";
import { resolveNamedFields } from "../named-records.ts";
import { type Page, pageFields, toPage } from "../../kernel/paging.ts";
import { parseInput } from "../../kernel/input/parse-input.ts";

export const Paging = z.strictObject({
  ...pageFields({ max: 200, default: 50, cursor: z.uuid() }),
  includeArchived: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
});

/** The query a list accepts: the kind's filters plus paging (and archived records where there are any). */
export function listQuery<F extends object>(kind: EntityKind<EntityMeta, object, F>) {
  const paging = kind.removal === "archive" ? Paging : Paging.omit({ includeArchived: true });
  return kind.filter.extend(paging.shape);
}

/**
 * One page in creation order (ids are UUIDv7). The cursor is the last id seen,
 * so pages stay stable while others write.
 */
export async function listEntities<E extends EntityMeta, F extends object>(
  ctx: Ctx,
  kind: EntityKind<E, object, F>,
  rawQuery: Record<string, string>,
): Promise<Page<E>> {
  const db = ctx.store.db;
  const parsed = parseInput(listQuery(kind), rawQuery) as F & Partial<z.infer<typeof Paging>> & { limit: number };
  const query = kind.namedFilters ? await resolveNamedFields(db, parsed, kind.namedFilters) : parsed;
  const conditions = kind.where(db, query);
  if (query.cursor) conditions.push(gt(kind.columns.id, query.cursor));
  if (kind.columns.archivedAt && !query.includeArchived) conditions.push(isNull(kind.columns.archivedAt));
  const rows = await db
    .select({ id: kind.columns.id })
    .from(kind.table)
    .where(and(...conditions))
    .orderBy(asc(kind.columns.id))
    .limit(query.limit + 1);
  const { items: ids, nextCursor } = toPage(
    rows.map((r) => r.id as string),
    query.limit,
    (id) => id,
  );
  return { items: await kind.load(db, ids), nextCursor };
}
