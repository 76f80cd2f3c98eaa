import { type Html, html, instant } from "../ui/html.ts";
import { t, uiDate } from "../ui/ui-language.ts";
import type { Field } from "./forms/form-spec.ts";
import { pathInfo } from "./forms/path-labels.ts";

/** Bookkeeping that changes on every write; the table shows what the user changed. */
const BOOKKEEPING = new Set(["id", "revision", "createdAt", "updatedAt"]);

/** Every leaf of a stored entity by dotted path; empty lists and objects count as a value of their own. */
function leaves(value: unknown, prefix = "", out = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && prefix) out.set(prefix, null);
    for (const [key, child] of entries) {
      if (!prefix && BOOKKEEPING.has(key)) continue;
      leaves(child, prefix ? `${prefix}.${key}` : key, out);
    }
  } else if (prefix) {
    out.set(prefix, value);
  }
  return out;
}

export interface ChangedField {
  path: string;
  before: unknown;
  after: unknown;
}

/** The fields whose value differs between two versions of an entity (either may be null: created, deleted). */
export function changedFields(before: unknown, after: unknown): ChangedField[] {
  const old = leaves(before);
  const now = leaves(after);
  const paths = [...new Set([...now.keys(), ...old.keys()])];
  return paths
    .map((path) => ({ path, before: old.get(path) ?? null, after: now.get(path) ?? null }))
    .filter((c) => JSON.stringify(c.before) !== JSON.stringify(c.after));
}

/** Fields holding an instant the register set itself (the form has no control for them). */
const INSTANTS = new Set(["archivedAt"]);

/** A stored string as a person reads it: a date or instant in the page's language, a code or id as what it stands for. */
function readableValue(
  path: string,
  field: Field | undefined,
  value: string,
  nameOf: (id: string) => string | undefined,
): string | undefined {
  if (INSTANTS.has(path)) return instant(value);
  if (field?.type === "text" && field.input === "date" && /^\d{4}-\d\d-\d\d$/.test(value)) return uiDate(value);
  if (field?.type === "select") return field.choices.find((choice) => choice.value === value)?.label;
  return nameOf(value);
}

/** A table of changed fields with their old and new values: codes, ids and dates as what they stand for (the stored value in the tooltip). */
export function changeTable(fields: readonly Field[], changes: ChangedField[], nameOf: (id: string) => string | undefined): Html {
  if (changes.length === 0) return html`<p>${t("admin.register.change.none")}</p>`;
  const rows = changes.map((c) => {
    const { label, field } = pathInfo(fields, c.path);
    const shown = (value: unknown): Html | string => {
      if (value === null || value === undefined) return "—";
      if (typeof value !== "string") return JSON.stringify(value);
      const named = readableValue(c.path, field, value, nameOf);
      return named ? html`<span title="${value}">${named}</span>` : value;
    };
    return html`<tr><td>${label}</td><td>${shown(c.before)}</td><td>${shown(c.after)}</td></tr>`;
  });
  return html`<table><thead><tr><th scope="col">${t("admin.register.change.field")}</th><th scope="col">${t("admin.register.change.before")}</th><th scope="col">${t("admin.register.change.after")}</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}
