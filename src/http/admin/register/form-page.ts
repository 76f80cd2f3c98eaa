import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AppError } from "../../../core/kernel/errors.ts";
import type { AppEnv } from "../../env.ts";
import type { PostedForm } from "../../forms/form-reader.ts";
import { csrfField, errorSummary, FieldErrors } from "../ui/fields.ts";
import { html, nothing } from "../ui/html.ts";
import { renderPage } from "../ui/page.ts";
import { t, uiLanguage, uiMessage } from "../ui/ui-language.ts";
import { loadChoices } from "./choices.ts";
import { LANGUAGES, type Language } from "../../../core/kernel/values/values.ts";
import { type Field, LANGUAGE_CODES, LANGUAGE_NAMES, valueAt } from "./forms/form-spec.ts";
import { ADD_ROW, FORM_LANGUAGE, REMOVE_ROW, renderFields, SWITCH_LANGUAGE } from "./forms/render-fields.ts";

/** The hidden field carrying the revision the form was opened at. */
export const REVISION_FIELD = "_revision";

export interface FormPageOptions {
  title: string;
  trail: [string, string][];
  action: string;
  cancel: string;
  fields: Field[];
  values: unknown;
  errors?: FieldErrors;
  /** For edits: the revision the user started from, so a concurrent change is detected. */
  revision?: number;
  status?: ContentfulStatusCode;
  /** The language texts are typed in and the rows asked for (a redraw); default: the page's own, no blank rows. */
  view?: FormView;
}

/** How a form is drawn besides its values: the language texts are typed in, and rows added. */
export interface FormView {
  language: Language;
  addRows: ReadonlyMap<string, number>;
}

const isLanguage = (code: string): code is Language => (LANGUAGES as readonly string[]).includes(code);

/** The language the posted form was typed in (kept when the form comes back with errors). */
export function postedView(posted: PostedForm): FormView {
  const current = posted.only(FORM_LANGUAGE);
  return { language: isLanguage(current) ? current : uiLanguage(), addRows: new Map() };
}

/**
 * A post that only redraws the form, saving nothing: another language chosen,
 * a row added or one removed (the buttons that do it without JavaScript; with
 * it, the language switch happens in the page). Null for a save.
 */
export function redrawOf(posted: PostedForm, values: unknown): { values: unknown; view: FormView } | null {
  const switched = posted.only(SWITCH_LANGUAGE);
  const add = posted.only(ADD_ROW);
  const remove = posted.only(REMOVE_ROW);
  if (!switched && !add && !remove) return null;
  const view = postedView(posted);
  // Blank rows the form showed are dropped when it is read (they come last): they are drawn again, with one
  // more where one was added and one fewer where a blank one was removed.
  const addRows = new Map<string, number>();
  let kept = values;
  const removed = /^(.*)\.(\d+)$/.exec(remove);
  for (const [path, shown] of rowsShown(posted)) {
    const rows = valueAt(values, path);
    const filled = Array.isArray(rows) ? rows.length : 0;
    let blank = Math.max(0, shown - filled);
    if (removed && removed[1] === path) {
      if (Number(removed[2]) < filled) kept = withoutRow(values, remove);
      else blank -= 1;
    }
    if (blank > 0) addRows.set(path, blank);
  }
  if (add) addRows.set(add, (addRows.get(add) ?? 0) + 1);
  return { values: kept, view: { language: isLanguage(switched) ? switched : view.language, addRows } };
}

/** How many rows each list showed, from the posted names ("dataCategories.3.dataCategoryId": at least 4). */
function rowsShown(posted: PostedForm): Map<string, number> {
  const shown = new Map<string, number>();
  for (const name of Object.keys(posted.values)) {
    const steps = name.split(".");
    steps.forEach((step, i) => {
      if (i === 0 || !/^\d{1,3}$/.test(step)) return;
      const path = steps.slice(0, i).join(".");
      shown.set(path, Math.max(shown.get(path) ?? 0, Number(step) + 1));
    });
  }
  return shown;
}

/** The values without the row at a dotted path such as "dataCategories.2" (a path that names no row changes nothing). */
function withoutRow(values: unknown, path: string): unknown {
  const steps = path.split(".");
  const index = Number(steps.pop());
  const copy = structuredClone(values);
  let list: unknown = copy;
  for (const step of steps) list = list && typeof list === "object" ? (list as Record<string, unknown>)[step] : undefined;
  if (Array.isArray(list) && Number.isInteger(index) && index >= 0 && index < list.length) list.splice(index, 1);
  return copy;
}

/**
 * A register form. `novalidate`: the browser's own checks would speak
 * differently from the use case and could block a form the use case accepts;
 * the server's answer is the one shown, beside each field.
 */
export async function formPage(c: Context<AppEnv>, o: FormPageOptions): Promise<Response> {
  const errors = o.errors ?? new FieldErrors();
  const view = o.view ?? { language: uiLanguage(), addRows: new Map() };
  const choices = await loadChoices(c.get("ctx"), o.fields);
  const fields = renderFields(o.fields, { values: o.values, errors, choices, language: view.language, addRows: view.addRows });
  // The first submit button is the one Enter presses: Save, hidden at the top, so Enter in a field saves rather than adding a row.
  // The language switch sits by the Save button, always in reach at the foot of the screen.
  const body = html`${errorSummary(errors)}
<form method="post" action="${o.action}" novalidate class="register-form">${csrfField(c.get("session").csrfToken)}${
    o.revision !== undefined ? html`<input type="hidden" name="${REVISION_FIELD}" value="${o.revision}">` : nothing
  }<input type="hidden" name="${FORM_LANGUAGE}" value="${view.language}"><button type="submit" class="visually-hidden" tabindex="-1" aria-hidden="true">${t("admin.common.save")}</button>
<p class="hint">${t("admin.register.form.hint", { required: t("admin.forms.required") })}</p>
<div class="form-fields">${fields}</div>
<div class="actions sticky-save"><button type="submit">${t("admin.common.save")}</button><a href="${o.cancel}">${t("admin.common.cancel")}</a>
<div class="lang-switch" role="group" aria-label="${t("admin.register.form.textsLanguage")}">${t("admin.register.form.textsIn")} ${LANGUAGE_CODES.map(
    (lang) =>
      html`<button type="submit" name="${SWITCH_LANGUAGE}" value="${lang}" class="secondary small" aria-pressed="${lang === view.language ? "true" : "false"}">${LANGUAGE_NAMES[lang]}</button>`,
  )}</div></div>
</form>`;
  return renderPage(c, { title: o.title, trail: o.trail, body, status: o.status });
}

/** The revision an edit form was opened at. */
export function postedRevision(posted: PostedForm): number {
  const raw = posted.only(REVISION_FIELD);
  const revision = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  if (Number.isNaN(revision)) throw new AppError("bad_request", t("admin.register.form.noRevision"));
  return revision;
}

/** The answer to a save that lost a race: what happened (core's refusal, in the page's language where it has one) and where to go, nothing saved. */
export function conflictPage(
  c: Context<AppEnv>,
  o: { message: string; trail: [string, string][]; view: string; edit?: string },
): Response | Promise<Response> {
  return renderPage(c, {
    title: t("admin.register.conflict.title"),
    trail: o.trail,
    status: 409,
    body: html`<p class="warning">${uiMessage(o.message)}</p>
<p>${t("admin.register.conflict.notSaved")}</p>
<div class="actions"><a class="button" href="${o.view}">${t("admin.register.conflict.seeLatest")}</a>${
      o.edit ? html`<a href="${o.edit}">${t("admin.register.conflict.editLatest")}</a>` : nothing
    }</div>`,
  });
}

/** Runs a save; validation issues come back for the form, everything else is thrown on. */
export async function attempt<T>(save: () => Promise<T>): Promise<{ saved: T } | { issues: AppError }> {
  try {
    return { saved: await save() };
  } catch (error) {
    if (error instanceof AppError && error.code === "validation") return { issues: error };
    throw error;
  }
}
