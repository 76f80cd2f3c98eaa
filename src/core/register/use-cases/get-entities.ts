import type { Ctx } from "../../kernel/context.ts";
import type { EntityKind, EntityMeta } from "../entity-kind.ts";

/**
 * Several entities of one kind in one query, in the order of `ids`, unknown
 * ids skipped: the names of what a page refers to, without one read per link.
 */
export async function getEntities<E extends EntityMeta>(ctx: Ctx, kind: EntityKind<E, object>, ids: readonly string[]): Promise<E[]> {
  const unique = [...new Set(ids)];
  return unique.length ? kind.load(ctx.store.db, unique) : [];
}
