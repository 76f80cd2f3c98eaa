import type { Ctx } from "../context.ts";
import { notFound } from "../errors.ts";
import type { EntityKind, EntityMeta } from "../register/entity-kind.ts";

export async function getEntity<E extends EntityMeta>(ctx: Ctx, kind: EntityKind<E, object>, id: string): Promise<E> {
  const [entity] = await kind.load(ctx.store.db, [id]);
  if (!entity) throw notFound(kind.label, id);
  return entity;
}
