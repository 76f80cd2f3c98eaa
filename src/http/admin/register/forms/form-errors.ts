import type { FieldIssue } from "../../../../core/kernel/errors.ts";
import { FieldErrors } from "../../ui/fields.ts";
import { type Field, valueAt } from "./form-spec.ts";

/**
 * zod's generic messages speak of types; a form speaks of controls. Only
 * the wording changes here: which fields are wrong is the use case's answer.
 */
const PLAIN: [RegExp, string][] = [
  [/^Too small: expected string to have >=1 characters?$/, "Fill this in."],
  [/^Invalid input: expected (string|number|object), received undefined$/, "Fill this in."],
  [/^Invalid input: expected number, received string$/, "Enter a number."],
  [/^Invalid input: expected int, received number$/, "Enter a whole number."],
  [/^Invalid option: expected one of /, "Choose one of the options."],
  [/^Invalid discriminator value/, "Choose one of the options."],
  [/^Invalid UUID$/, "Choose one of the options."],
  [/^Invalid email address$/, "Enter an e-mail address, e.g. name@example.com."],
  [/^Invalid ISO date$/, "Enter a date as YYYY-MM-DD."],
  [/^Too small: expected array to have >=1 items?$/, "Add at least one."],
];

function plain(message: string): string {
  return PLAIN.find(([pattern]) => pattern.test(message))?.[1] ?? message;
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
      return { path, message: valueAt(values, issue.path) === "" ? "Fill this in." : plain(issue.message) };
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
