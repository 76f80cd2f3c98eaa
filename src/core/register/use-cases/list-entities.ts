import { and, asc, getTableName, gt, isNull, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../kernel/context.ts";
import type { Db } from "../../kernel/ports/store.ts";
import type { EntityKind, EntityMeta } from "../entity-kind.ts";
import { resolveNamedFields } from "../named-records.ts";
import { type Page, pageFields, toPage } from "../../kernel/paging.ts";
import { parseInput } from "../../kernel/input/parse-input.ts";
import { runPrepared } from "../rows.ts";

export const Paging = z.strictObject({
  ...pageFields({ max: 200, default: 50, cursor: z.uuid() }),
  includeArchived: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
});

const PagingWithoutArchived = Paging.omit({ includeArchived: true });

// Built once per kind: extending a zod object costs far more than parsing with it.
const listQueries = new WeakMap<object, z.ZodObject>();

/** The query a list accepts: the kind's filters plus paging (and archived records where there are any). */
export function listQuery<F extends object>(kind: EntityKind<EntityMeta, object, F>): z.ZodObject {
  let query = listQueries.get(kind);
  if (!query) {
    query = kind.filter.extend((kind.removal === "archive" ? Paging : PagingWithoutArchived).shape);
    listQueries.set(kind, query);
  }
  return query;
}

type ListQuery<F> = F & Partial<z.infer<typeof Paging>> & { limit: number };

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
  const parsed = parseInput(listQuery(kind), rawQuery) as ListQuery<F>;
  const query = kind.namedFilters ? await resolveNamedFields(db, parsed, kind.namedFilters) : parsed;
  const filters = kind.where(db, query);
  const rows = filters.length === 0 ? await unfilteredPage(db, kind, query) : await filteredPage(db, kind, query, filters);
  const { items: ids, nextCursor } = toPage(
    rows.map((r) => r.id as string),
    query.limit,
    (id) => id,
  );
  return { items: await kind.load(db, ids), nextCursor };
}

/** The ids of a page, `limit + 1` of them: conditions the list adds to the kind's filters. */
function pageConditions(kind: EntityKind<EntityMeta, object, object>, cursor: unknown, includeArchived: boolean | undefined): SQL[] {
  const conditions: SQL[] = [];
  if (cursor !== undefined) conditions.push(gt(kind.columns.id, cursor));
  if (kind.columns.archivedAt && !includeArchived) conditions.push(isNull(kind.columns.archivedAt));
  return conditions;
}

function selectIds(db: Db, kind: EntityKind<EntityMeta, object, object>, conditions: SQL[]) {
  return db
    .select({ id: kind.columns.id })
    .from(kind.table)
    .where(and(...conditions))
    .orderBy(asc(kind.columns.id));
}

/** A list with no filter, the usual one: a statement prepared once per database for each shape (cursor or not, archived or not). */
function unfilteredPage<F extends object>(
  db: Db,
  kind: EntityKind<EntityMeta, object, F>,
  query: ListQuery<F>,
): Promise<{ id: unknown }[]> {
  const withCursor = Boolean(query.cursor);
  const key = `list:${getTableName(kind.table)}:${withCursor ? "cursor" : "first"}:${query.includeArchived ? "all" : "live"}`;
  return runPrepared(
    db,
    key,
    (d) =>
      selectIds(d, kind, pageConditions(kind, withCursor ? sql.placeholder("cursor") : undefined, query.includeArchived))
        .limit(sql.placeholder("limit"))
        .prepare(),
    withCursor ? { cursor: query.cursor, limit: query.limit + 1 } : { limit: query.limit + 1 },
  );
}

async function filteredPage<F extends object>(
  db: Db,
  kind: EntityKind<EntityMeta, object, F>,
  query: ListQuery<F>,
  filters: SQL[],
): Promise<{ id: unknown }[]> {
  const conditions = [...filters, ...pageConditions(kind, query.cursor || undefined, query.includeArchived)];
  return await selectIds(db, kind, conditions).limit(query.limit + 1);
}
