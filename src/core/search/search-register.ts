import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../kernel/context.ts";
import { invalid } from "../kernel/errors.ts";
import { parseInput } from "../kernel/input/parse-input.ts";
import { refreshSearchIndex } from "./search-index.ts";
import { SEARCH_KINDS, type SearchKind } from "./search-kinds.ts";

export { SEARCH_KINDS, type SearchKind };

/** Fragments shorter than this cannot be looked up in a trigram index. */
export const MIN_FRAGMENT = 3;
const PER_KIND = 10;
/** Enough hits that every kind can fill its group from the best-ranked ones. */
const HITS = 200;

export const SearchQuery = z.strictObject({
  q: z.string().trim().min(1, "Type what to look for.").max(200).describe("Words or fragments of words, each of 3 characters or more."),
});

export interface SearchHit {
  id: string;
  label: string;
}
export interface SearchGroup {
  kind: SearchKind;
  items: SearchHit[];
  /** How many of the best hits were of this kind (more than shown when over 10). */
  total: number;
}

/** Each fragment as an FTS5 phrase: quotes doubled, so nothing typed is read as query syntax. */
function matchExpression(q: string): string {
  const fragments = q.split(/\s+/).filter((f) => [...f].length >= MIN_FRAGMENT);
  if (fragments.length === 0) {
    throw invalid([{ path: "q", message: `Give at least one word or fragment of ${MIN_FRAGMENT} characters or more.` }]);
  }
  return fragments.map((f) => `"${f.replaceAll('"', '""')}"`).join(" AND ");
}

/**
 * One search box over the register: names, descriptions, references, vendors and customers (every
 * language a text is in), any fragment of three characters or more, best matches first, grouped by
 * kind. Writes queue what changed (migration 0016); the index takes the queue in before searching.
 */
export async function searchRegister(ctx: Ctx, raw: Record<string, string>): Promise<{ query: string; groups: SearchGroup[] }> {
  const { q } = parseInput(SearchQuery, raw);
  const match = matchExpression(q);
  // What was written since the last search is taken in first, so a record shows as soon as it is saved.
  await refreshSearchIndex(ctx);
  const rows = (await ctx.store.db.all(
    sql`select e.kind as kind, e.entity_id as id, e.label as label
        from search_index join search_entries e on e.rowid = search_index.rowid
        where search_index match ${match}
        order by rank limit ${HITS}`,
  )) as { kind: SearchKind; id: string; label: string }[];
  const groups = SEARCH_KINDS.flatMap((kind): SearchGroup[] => {
    const hits = rows.filter((r) => r.kind === kind);
    return hits.length === 0 ? [] : [{ kind, items: hits.slice(0, PER_KIND).map(({ id, label }) => ({ id, label })), total: hits.length }];
  });
  return { query: q, groups };
}
