import { DateTime } from "luxon";
import type { FieldIssue } from "../../../core/kernel/errors.ts";
import { t } from "../ui/ui-language.ts";

/** zod's wording for a field left empty, in the words of a form (and the page's language). */
export function friendly(issues: FieldIssue[]): FieldIssue[] {
  return issues.map((i) =>
    /^Invalid input: expected \w+, received undefined$/.test(i.message) ? { ...i, message: t("admin.changes.required") } : i,
  );
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
