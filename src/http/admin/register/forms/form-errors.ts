import type { FieldIssue } from "../../../../core/kernel/errors.ts";
import { FieldErrors } from "../../ui/fields.ts";
import { t } from "../../ui/ui-language.ts";
import { type Field, valueAt } from "./form-spec.ts";

/**
 * zod's generic messages speak of types; a form speaks of controls. Only
 * the wording changes here: which fields are wrong is the use case's answer.
 * The messages are keys, read in the page's language when an issue is placed.
 */
const PLAIN: [RegExp, string][] = [
  [/^Too small: expected string to have >=1 characters?$/, "admin.forms.error.fill"],
  [/^Invalid input: expected (string|number|object), received undefined$/, "admin.forms.error.fill"],
  [/^Invalid input: expected number, received string$/, "admin.forms.error.number"],
  [/^Invalid input: expected int, received number$/, "admin.forms.error.wholeNumber"],
  [/^Invalid option: expected one of /, "admin.forms.error.choose"],
  [/^Invalid discriminator value/, "admin.forms.error.choose"],
  [/^Invalid UUID$/, "admin.forms.error.choose"],
  [/^Invalid email address$/, "admin.forms.error.email"],
  [/^Invalid ISO date$/, "admin.forms.error.date"],
  [/^Too small: expected array to have >=1 items?$/, "admin.forms.error.atLeastOne"],
];

/** zod's message in a form's words; any other message (a use case's own) as it is, for FieldErrors to translate. */
function plain(message: string): string {
  const key = PLAIN.find(([pattern]) => pattern.test(message))?.[1];
  return key ? t(key) : message;
}

/**
 * The use case's issues, placed for this form: an issue about one ticked
 * entry of a checkbox list ("activityIds.2") is shown beside the list, and
 * a required control left empty (posted as "") just asks to be filled in.
 */
export function formErrors(fields: readonly Field[], issues: readonly FieldIssue[], values: unknown): FieldErrors {
  const lists = checkboxListPaths(fields);
  return new FieldErrors(
    issues.map((issue) => {
      const list = lists.find((p) => p.test(issue.path));
      const path = list ? issue.path.replace(/\.\d+$/, "") : issue.path;
      return { path, message: valueAt(values, issue.path) === "" ? t("admin.forms.error.fill") : plain(issue.message) };
    }),
  );
}

/** Patterns matching "<list>.<index>" for every checkbox list, rows' indices included. */
function checkboxListPaths(fields: readonly Field[], prefix = ""): RegExp[] {
  const found: RegExp[] = [];
  for (const f of fields) {
    const path = prefix && f.name ? `${prefix}\\.${escapeRegExp(f.name)}` : prefix || escapeRegExp(f.name);
    if (f.type === "references") found.push(new RegExp(`^${path}\\.\\d+$`));
    else if (f.type === "group") found.push(...checkboxListPaths(f.fields, path));
    else if (f.type === "repeat") found.push(...checkboxListPaths(f.fields, `${path}\\.\\d+`));
  }
  return found;
}

const escapeRegExp = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
