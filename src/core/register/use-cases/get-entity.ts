import type { Ctx } from "../../kernel/context.ts";
import { notFound } from "../../kernel/errors.ts";
import type { EntityKind, EntityMeta } from "../entity-kind.ts";
import { resolveNamed } from "../named-records.ts";

/** One entity by its id, or by its reference for the kinds people name that way (agreements, customers, sub-processors). */
export async function getEntity<E extends EntityMeta>(ctx: Ctx, kind: EntityKind<E, object>, idOrReference: string): Promise<E> {
  const id = kind.named ? await resolveNamed(ctx.store.db, kind.named, idOrReference) : idOrReference;
  const [entity] = await kind.load(ctx.store.db, [id]);
  if (!entity) throw notFound(kind.label, id);
  return entity;
}
