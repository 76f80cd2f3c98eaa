import { type Html, html } from "../ui/html.ts";
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

/** A table of changed fields with their old and new values: codes and ids as what they stand for (the stored value in the tooltip). */
export function changeTable(fields: readonly Field[], changes: ChangedField[], nameOf: (id: string) => string | undefined): Html {
  if (changes.length === 0) return html`<p>No field changed.</p>`;
  const rows = changes.map((c) => {
    const { label, field } = pathInfo(fields, c.path);
    const shown = (value: unknown): Html | string => {
      if (value === null || value === undefined) return "—";
      if (typeof value !== "string") return JSON.stringify(value);
      const named = field?.type === "select" ? field.choices.find((choice) => choice.value === value)?.label : nameOf(value);
      return named ? html`<span title="${value}">${named}</span>` : value;
    };
    return html`<tr><td>${label}</td><td>${shown(c.before)}</td><td>${shown(c.after)}</td></tr>`;
  });
  return html`<table><thead><tr><th scope="col">Field</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}
