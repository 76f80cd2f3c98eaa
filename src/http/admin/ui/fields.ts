import type { FieldIssue } from "../../../core/kernel/errors.ts";
import { CSRF_FIELD } from "../../forms/form-reader.ts";
import { type Html, html, nothing } from "./html.ts";
import { t, uiMessage } from "./ui-language.ts";

/**
 * Form controls with their label, hint and error beside them. `name` is
 * the dotted path of the input field (e.g. "clocks.subProcessorNotice.length"),
 * which is also the path of the use case's field issues, so an error lands
 * next to the control it is about.
 */
export interface FieldOptions {
  name: string;
  /** Text, or markup whose parts only a screen reader reads (visually-hidden qualifiers that tell rows apart). */
  label: string | Html;
  hint?: string;
  errors?: FieldErrors;
  required?: boolean;
  /** The "(required)" mark in the page's language (customer pages are in the agreement's). */
  requiredText?: string;
}

/** Field issues by dotted path. */
export class FieldErrors {
  private readonly byPath = new Map<string, string[]>();
  private readonly used = new Set<string>();

  constructor(issues: FieldIssue[] = []) {
    for (const issue of issues) this.byPath.set(issue.path, [...(this.byPath.get(issue.path) ?? []), uiMessage(issue.message)]);
  }

  get any(): boolean {
    return this.byPath.size > 0;
  }

  /** Messages for one field; marks them as shown. */
  for(path: string): string[] {
    this.used.add(path);
    return this.byPath.get(path) ?? [];
  }

  /** Every issue, for the summary at the top of the form. */
  all(): FieldIssue[] {
    return [...this.byPath].flatMap(([path, messages]) => messages.map((message) => ({ path, message })));
  }
}

export const idOf = (name: string): string => `f-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;

function described(o: FieldOptions) {
  const messages = o.errors?.for(o.name) ?? [];
  const id = idOf(o.name);
  const ids = [o.hint ? `${id}-hint` : "", messages.length ? `${id}-error` : ""].filter(Boolean).join(" ");
  return {
    id,
    messages,
    invalid: messages.length > 0,
    describedBy: ids || undefined,
    hint: o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : nothing,
    error: messages.length ? html`<p class="error" id="${id}-error">${messages.join(" ")}</p>` : nothing,
  };
}

const requiredMark = (o: FieldOptions) =>
  o.required ? html` <span class="required">${o.requiredText ?? t("admin.common.required")}</span>` : nothing;

export function textField(o: FieldOptions & { value?: string | number | null; type?: string; autocomplete?: string }): Html {
  const d = described(o);
  return html`<div class="field${d.invalid ? " has-error" : ""}">
<label for="${d.id}">${o.label}${requiredMark(o)}</label>${d.hint}${d.error}
<input id="${d.id}" name="${o.name}" type="${o.type ?? "text"}" value="${o.value ?? ""}"${o.required ? html` required` : nothing}${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : nothing}${d.invalid ? html` aria-invalid="true"` : nothing}${d.describedBy ? html` aria-describedby="${d.describedBy}"` : nothing}>
</div>`;
}

export function textArea(o: FieldOptions & { value?: string | null; rows?: number }): Html {
  const d = described(o);
  return html`<div class="field${d.invalid ? " has-error" : ""}">
<label for="${d.id}">${o.label}${requiredMark(o)}</label>${d.hint}${d.error}
<textarea id="${d.id}" name="${o.name}" rows="${o.rows ?? 3}"${o.required ? html` required` : nothing}${d.invalid ? html` aria-invalid="true"` : nothing}${d.describedBy ? html` aria-describedby="${d.describedBy}"` : nothing}>${o.value ?? ""}</textarea>
</div>`;
}

export interface Choice {
  value: string;
  label: string;
}

export function selectField(o: FieldOptions & { value?: string | null; choices: Choice[]; blank?: string }): Html {
  const d = described(o);
  return html`<div class="field${d.invalid ? " has-error" : ""}">
<label for="${d.id}">${o.label}${requiredMark(o)}</label>${d.hint}${d.error}
<select id="${d.id}" name="${o.name}"${d.invalid ? html` aria-invalid="true"` : nothing}${d.describedBy ? html` aria-describedby="${d.describedBy}"` : nothing}>
${o.blank !== undefined ? html`<option value="">${o.blank}</option>` : nothing}${o.choices.map((c) => html`<option value="${c.value}"${c.value === o.value ? html` selected` : nothing}>${c.label}</option>`)}
</select></div>`;
}

/** From this many choices, a checkbox group gets a box that narrows them as a name is typed (the script shows it). */
export const FILTER_FROM = 10;

/** A group of checkboxes sharing one name; the form posts every checked value. */
export function checkboxes(o: FieldOptions & { values: readonly string[]; choices: Choice[] }): Html {
  const d = described(o);
  const chosen = new Set(o.values);
  return html`<fieldset id="${d.id}" class="field checks${d.invalid ? " has-error" : ""}"${d.describedBy ? html` aria-describedby="${d.describedBy}"` : nothing}>
<legend>${o.label}${requiredMark(o)}</legend>${d.hint}${d.error}
${o.choices.length === 0 ? html`<p class="hint">${t("admin.common.nothingToChoose")}</p>` : nothing}
${o.choices.length >= FILTER_FROM ? html`<div class="check-filter" hidden><label for="${d.id}-filter">${t("admin.common.find")}<span class="visually-hidden"> ${t("admin.common.findIn")} ${o.label}</span></label> <input type="search" id="${d.id}-filter" autocomplete="off"></div>` : nothing}
${o.choices.map((c, i) => html`<div class="check"><input type="checkbox" id="${d.id}-${i}" name="${o.name}" value="${c.value}"${chosen.has(c.value) ? html` checked` : nothing}><label for="${d.id}-${i}">${c.label}</label></div>`)}
</fieldset>`;
}

/** A single yes/no checkbox; posts "true" when ticked. */
export function checkbox(o: FieldOptions & { checked: boolean }): Html {
  const d = described(o);
  return html`<div class="field check${d.invalid ? " has-error" : ""}">${d.error}
<input type="checkbox" id="${d.id}" name="${o.name}" value="true"${o.checked ? html` checked` : nothing}${d.describedBy ? html` aria-describedby="${d.describedBy}"` : nothing}>
<label for="${d.id}">${o.label}</label>${d.hint}</div>`;
}

/** The hidden synchroniser token every signed-in form carries. */
export const csrfField = (token: string): Html => html`<input type="hidden" name="${CSRF_FIELD}" value="${token}">`;

/**
 * The list of problems at the top of a form, each linking to its field, so
 * a screen-reader user hears that the form failed and can jump to each field.
 * Issues for fields the form does not show are listed here too.
 */
export function errorSummary(errors: FieldErrors, message = t("admin.common.errorSummary")): Html {
  if (!errors.any) return nothing;
  return html`<div class="error-summary" role="alert" tabindex="-1" id="error-summary">
<h2>${message}</h2>
<ul>${errors.all().map((i) => html`<li><a href="#${idOf(i.path)}">${i.path === "(body)" ? "" : `${i.path}: `}${i.message}</a></li>`)}</ul>
</div>`;
}

/** A button that posts a small form (archive, revoke, sign out…), with the CSRF token. */
export function postButton(o: { action: string; label: string; csrf: string; fields?: Record<string, string>; danger?: boolean }): Html {
  return html`<form method="post" action="${o.action}" class="inline">${csrfField(o.csrf)}${Object.entries(o.fields ?? {}).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}<button type="submit"${o.danger ? html` class="danger"` : nothing}>${o.label}</button></form>`;
}
