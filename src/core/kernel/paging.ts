import { z } from "zod";

/**
 * Keyset paging, as every list does it: a list fetches `limit + 1` rows after
 * (or before) the cursor, in key order; the extra row only says there is a
 * next page, and the cursor of that page is the key of the last row shown.
 * Pages stay stable while others write, unlike offsets.
 */
export interface Page<T> {
  items: T[];
  /** The cursor to ask for the page after this one; null on the last page. */
  nextCursor: string | null;
}

/** How most lists describe their cursor in the API reference. */
export const NEXT_CURSOR = "nextCursor of the previous page.";

/**
 * The query fields of a paged list: `limit` (from 1 to `max`, `default` when
 * absent) and the optional `cursor`. Each list's max, default and cursor
 * schema are part of its public API (and of the OpenAPI document), so each
 * list names its own. A list whose cursor has another name or place in its
 * query destructures these fields and puts them where it wants them.
 */
export function pageFields<C extends z.ZodType>(list: {
  max: number;
  default: number;
  cursor: C;
  /** The cursor's description: NEXT_CURSOR unless given; false for none. */
  describe?: string | false;
}) {
  const cursor = list.cursor.optional();
  return {
    limit: z.coerce.number().int().min(1).max(list.max).default(list.default),
    cursor: list.describe === false ? cursor : cursor.describe(list.describe ?? NEXT_CURSOR),
  };
}

/**
 * Turns the `limit + 1` rows a list fetched into its page. The cursor is the
 * last row's id unless the list pages by another key.
 */
export function toPage<T extends { id: string }>(rows: T[], limit: number): Page<T>;
export function toPage<T>(rows: T[], limit: number, cursorOf: (last: T) => string): Page<T>;
export function toPage<T>(rows: T[], limit: number, cursorOf = (last: T) => (last as { id: string }).id): Page<T> {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const last = items.at(-1);
  return { items, nextCursor: more && last !== undefined ? cursorOf(last) : null };
}
