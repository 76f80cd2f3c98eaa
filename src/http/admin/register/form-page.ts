import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AppError } from "../../../core/kernel/errors.ts";
import type { AppEnv } from "../../env.ts";
import type { PostedForm } from "../../forms/form-reader.ts";
import { csrfField, errorSummary, FieldErrors } from "../ui/fields.ts";
import { html, nothing } from "../ui/html.ts";
import { renderPage } from "../ui/page.ts";
import { loadChoices } from "./choices.ts";
import type { Field } from "./forms/form-spec.ts";
import { renderFields } from "./forms/render-fields.ts";

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
}

/**
 * A register form. `novalidate`: the browser's own checks would speak
 * differently from the use case and could block a form the use case accepts;
 * the server's answer is the one shown, beside each field.
 */
export async function formPage(c: Context<AppEnv>, o: FormPageOptions): Promise<Response> {
  const errors = o.errors ?? new FieldErrors();
  const choices = await loadChoices(c.get("ctx"), o.fields);
  const fields = renderFields(o.fields, { values: o.values, errors, choices });
  const body = html`${errorSummary(errors)}
<form method="post" action="${o.action}" novalidate>${csrfField(c.get("session").csrfToken)}${
    o.revision !== undefined ? html`<input type="hidden" name="${REVISION_FIELD}" value="${o.revision}">` : nothing
  }
<p class="hint">Controls marked (required) must be filled in; the rest may stay empty. Blank rows are ignored.</p>
${fields}
<div class="actions"><button type="submit">Save</button><a href="${o.cancel}">Cancel</a></div>
</form>`;
  return renderPage(c, { title: o.title, trail: o.trail, body, status: o.status });
}

/** The revision an edit form was opened at. */
export function postedRevision(posted: PostedForm): number {
  const raw = posted.only(REVISION_FIELD);
  const revision = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  if (Number.isNaN(revision))
    throw new AppError("bad_request", "This form lacks the version it was opened at. Reload the page and try again.");
  return revision;
}

/** The answer to a save that lost a race: what happened and where to go, nothing saved. */
export function conflictPage(
  c: Context<AppEnv>,
  o: { message: string; trail: [string, string][]; view: string; edit?: string },
): Response | Promise<Response> {
  return renderPage(c, {
    title: "Changed meanwhile",
    trail: o.trail,
    status: 409,
    body: html`<p class="warning">${o.message}</p>
<p>Your changes were not saved. Open the latest version, then make your change again.</p>
<div class="actions"><a class="button" href="${o.view}">See the latest version</a>${o.edit ? html`<a href="${o.edit}">Edit the latest version</a>` : nothing}</div>`,
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
