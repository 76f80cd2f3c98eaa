import type { Context } from "hono";
import { AppError } from "../../../core/kernel/errors.ts";
import { correctEntity, createEntity, type EntityMeta, getEntity, updateEntity } from "../../../core/register/index.ts";
import type { AppEnv } from "../../env.ts";
import { readForm } from "../../forms/form-reader.ts";
import { setFlash } from "../session-cookie.ts";
import { seg } from "../ui/html.ts";
import { t } from "../ui/ui-language.ts";
import { attempt, conflictPage, type FormView, formPage, postedRevision, postedView, redrawOf } from "./form-page.ts";
import { formErrors } from "./forms/form-errors.ts";
import type { Field } from "./forms/form-spec.ts";
import { parseForm } from "./forms/parse-form.ts";
import { coreKind, type KindPage, kindText } from "./register-kinds.ts";

const listOf = (page: KindPage): [string, string] => [`/admin/${page.segment}`, kindText(page, "plural")];

/** Refused for an archived entity: it is kept as it was, for the record and the documents that named it. */
const archivedError = (page: KindPage) => new AppError("conflict", kindText(page, "archivedNoChange"));

/** The values a new entity's form starts with: the schema's defaults (status "draft", no links…). */
function defaults(page: KindPage): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(coreKind(page).input.shape)) {
    const parsed = (schema as { safeParse(v: unknown): { success: boolean; data?: unknown } }).safeParse(undefined);
    if (parsed.success && parsed.data !== undefined) values[key] = parsed.data;
  }
  return values;
}

export function newForm(c: Context<AppEnv>, page: KindPage, values: unknown = defaults(page), issues?: AppError, view?: FormView) {
  return formPage(c, {
    view,
    title: kindText(page, "new"),
    trail: [listOf(page)],
    action: `/admin/${page.segment}`,
    cancel: `/admin/${page.segment}`,
    fields: page.fields,
    values,
    errors: issues ? formErrors(page.fields, issues.issues, values) : undefined,
    status: issues ? 422 : undefined,
  });
}

export async function editForm(
  c: Context<AppEnv>,
  page: KindPage,
  entity: EntityMeta,
  typed?: { values: unknown; revision: number; issues?: AppError; view?: FormView },
) {
  if (entity.archivedAt) throw archivedError(page);
  const view = `/admin/${page.segment}/${seg(entity.id)}`;
  return formPage(c, {
    view: typed?.view,
    title: t("admin.register.form.editTitle", { title: page.title(entity) }),
    trail: [listOf(page), [view, page.title(entity)]],
    action: view,
    cancel: view,
    fields: page.fields,
    values: typed?.values ?? coreKind(page).toInput(entity),
    revision: typed?.revision ?? entity.revision,
    errors: typed?.issues ? formErrors(page.fields, typed.issues.issues, typed.values) : undefined,
    status: typed?.issues ? 422 : undefined,
  });
}

/** POST of the new form: the same use case as the API; on invalid input the form again, as typed, with the issues. */
export async function createFromForm(c: Context<AppEnv>, page: KindPage): Promise<Response> {
  const posted = await readForm(c);
  const values = parseForm(page.fields, posted, coreKind(page).input);
  const redraw = redrawOf(posted, values);
  if (redraw) return newForm(c, page, redraw.values, undefined, redraw.view);
  const result = await attempt(() => createEntity(c.get("ctx"), coreKind(page), values));
  if ("issues" in result) return newForm(c, page, values, result.issues, postedView(posted));
  setFlash(c, t("admin.register.flash.created"));
  return c.redirect(`/admin/${page.segment}/${seg(result.saved.id)}`, 303);
}

/** POST of the edit form, refused as a conflict if the entity changed since the form was opened. */
export async function updateFromForm(c: Context<AppEnv>, page: KindPage): Promise<Response> {
  const id = c.req.param("id") ?? "";
  const kind = coreKind(page);
  const posted = await readForm(c);
  const revision = postedRevision(posted);
  const values = parseForm(page.fields, posted, kind.input);
  const view = `/admin/${page.segment}/${seg(id)}`;
  const redraw = redrawOf(posted, values);
  if (redraw) return editForm(c, page, await getEntity(c.get("ctx"), kind, id), { values: redraw.values, revision, view: redraw.view });
  try {
    const result = await attempt(() => updateEntity(c.get("ctx"), kind, id, values, { expectedRevision: revision }));
    if ("issues" in result)
      return editForm(c, page, await getEntity(c.get("ctx"), kind, id), {
        values,
        revision,
        issues: result.issues,
        view: postedView(posted),
      });
    setFlash(c, t(result.saved.revision === revision ? "admin.register.flash.unchanged" : "admin.register.flash.saved"));
    return c.redirect(view, 303);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "conflict") throw error;
    return conflictPage(c, { message: error.message, trail: [listOf(page)], view, edit: `${view}/edit` });
  }
}

/** The correction's reason, a field of the correction form only (label and hint are message keys, as in every form). */
const REASON: Field = {
  type: "text",
  name: "reason",
  label: "admin.register.reason.label",
  required: true,
  hint: "admin.register.reason.hint",
};

/** An admin's correction form: every field, those that otherwise follow a workflow included, and the reason. */
export async function correctionForm(
  c: Context<AppEnv>,
  page: KindPage,
  entity: EntityMeta,
  typed?: { values: unknown; revision: number; issues?: AppError; view?: FormView },
) {
  if (entity.archivedAt) throw archivedError(page);
  const view = `/admin/${page.segment}/${seg(entity.id)}`;
  const fields = [...page.fields, REASON];
  return formPage(c, {
    view: typed?.view,
    title: t("admin.register.form.correctTitle", { title: page.title(entity) }),
    trail: [listOf(page), [view, page.title(entity)]],
    action: `${view}/correct`,
    cancel: view,
    fields,
    values: typed?.values ?? { ...coreKind(page).toInput(entity), reason: "" },
    revision: typed?.revision ?? entity.revision,
    errors: typed?.issues ? formErrors(fields, typed.issues.issues, typed.values) : undefined,
    status: typed?.issues ? 422 : undefined,
  });
}

/** POST of the correction form: the correction use case, refused as stale if the record changed since the form was opened. */
export async function correctFromForm(c: Context<AppEnv>, page: KindPage): Promise<Response> {
  const id = c.req.param("id") ?? "";
  const kind = coreKind(page);
  const posted = await readForm(c);
  const revision = postedRevision(posted);
  const values = parseForm(page.fields, posted, kind.input);
  const reason = posted.only("reason");
  const view = `/admin/${page.segment}/${seg(id)}`;
  const redraw = redrawOf(posted, { ...(values as object), reason });
  if (redraw)
    return correctionForm(c, page, await getEntity(c.get("ctx"), kind, id), { values: redraw.values, revision, view: redraw.view });
  try {
    const result = await attempt(() => correctEntity(c.get("ctx"), kind, id, { reason, changes: values }, { ifMatch: [revision] }));
    if ("issues" in result) {
      // The use case names the fields under "changes"; the form has them at the top.
      const issues = new AppError(
        "validation",
        result.issues.message,
        result.issues.issues.map((i) => ({ ...i, path: i.path.replace(/^changes\./, "") })),
      );
      return correctionForm(c, page, await getEntity(c.get("ctx"), kind, id), {
        values: { ...(values as object), reason },
        revision,
        issues,
        view: postedView(posted),
      });
    }
    setFlash(c, t("admin.register.flash.corrected"));
    return c.redirect(view, 303);
  } catch (error) {
    if (!(error instanceof AppError) || (error.code !== "conflict" && error.code !== "precondition_failed")) throw error;
    return conflictPage(c, { message: error.message, trail: [listOf(page)], view, edit: `${view}/correct` });
  }
}
