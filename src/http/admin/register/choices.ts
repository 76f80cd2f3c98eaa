import type { Ctx } from "../../../core/kernel/context.ts";
import { type EntityMeta, type EntityPath, getEntities, listEntities } from "../../../core/register/index.ts";
import { type ChoiceSets, choiceKey, type Field, referenceFields } from "./forms/form-spec.ts";
import type { Names } from "./forms/show-fields.ts";
import { coreKind, kindPage } from "./register-kinds.ts";

const PAGE = "200";

/**
 * Every current entity a form's reference fields may point to, page by page
 * (archived ones cannot be referenced, so the list leaves them out).
 */
export async function loadChoices(ctx: Ctx, fields: readonly Field[]): Promise<ChoiceSets> {
  const sets: ChoiceSets = new Map();
  for (const field of referenceFields(fields)) {
    const key = choiceKey(field);
    if (sets.has(key)) continue;
    const page = kindPage(field.source);
    const choices = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string> = { ...field.filter, limit: PAGE, ...(cursor ? { cursor } : {}) };
      const result = await listEntities(ctx, coreKind(page), query);
      choices.push(...result.items.map((e: EntityMeta) => ({ value: e.id, label: page.title(e) })));
      cursor = result.nextCursor;
    } while (cursor);
    sets.set(key, choices);
  }
  return sets;
}

/** The names of the given entities, one query per kind, archived ones included (a view names what it links to). */
export async function loadNames(ctx: Ctx, ids: Map<string, Set<string>>): Promise<Names> {
  const names: Names = new Map();
  for (const [source, set] of ids) {
    const page = kindPage(source as EntityPath);
    const entities = await getEntities(ctx, coreKind(page), [...set]);
    names.set(source, new Map(entities.map((e: EntityMeta) => [e.id, page.title(e)])));
  }
  return names;
}
