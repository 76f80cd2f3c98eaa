import type { Db, Statement } from "../kernel/ports/store.ts";
import { guardRow } from "../kernel/write-guard.ts";
import type { EntityKind, EntityMeta } from "./entity-kind.ts";

/** Fails the atomic unit unless the entity still has the revision the use case read (see kernel/write-guard.ts). */
export function guardRevision<E extends EntityMeta>(db: Db, kind: EntityKind<E, object>, entity: E): Statement {
  return guardRow(db, { table: kind.table, ...kind.columns }, entity.id, entity.revision);
}
