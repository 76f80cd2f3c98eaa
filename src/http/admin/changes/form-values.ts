import type { Context } from "hono";
import { DateTime } from "luxon";
import type { FieldIssue } from "../../../core/errors.ts";
import type { AppEnv } from "../../env.ts";
import { formFields } from "../form-guard.ts";

/** A posted form as the pages read it: each field's text (first value), and lists where a field repeats. */
export interface PostedForm {
  text(name: string): string | undefined;
  list(name: string): string[];
  /** Everything as typed, to put back into the fields when the form is shown again. */
  values: Record<string, string>;
  lists: Record<string, string[]>;
}

export async function postedForm(c: Context<AppEnv>): Promise<PostedForm> {
  const fields = await formFields(c);
  const values: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(fields)) {
    lists[name] = Array.isArray(value) ? value : [value];
    values[name] = lists[name][0] ?? "";
  }
  return {
    values,
    lists,
    text: (name) => {
      const value = values[name]?.trim();
      return value ? value : undefined;
    },
    list: (name) => (lists[name] ?? []).filter((v) => v.trim() !== ""),
  };
}

/** zod's wording for a field left empty, in the words of a form. */
export function friendly(issues: FieldIssue[]): FieldIssue[] {
  return issues.map((i) => (/^Invalid input: expected \w+, received undefined$/.test(i.message) ? { ...i, message: "Required." } : i));
}

/** Issues of one form on a page with several, renamed to that form's fields ("note" → "exclusion.note"). */
export const prefixed = (prefix: string, issues: FieldIssue[]): FieldIssue[] =>
  friendly(issues).map((i) => ({ ...i, path: `${prefix}.${i.path}` }));

/** A `datetime-local` value read as wall-clock time in `timeZone`, as an ISO instant; undefined when empty; the text itself when unreadable (the use case then names the field). */
export function zonedInstant(value: string | undefined, timeZone: string): string | undefined {
  if (!value) return undefined;
  const parsed = DateTime.fromISO(value, { zone: timeZone });
  return parsed.isValid ? (parsed.toUTC().toISO() ?? value) : value;
}
