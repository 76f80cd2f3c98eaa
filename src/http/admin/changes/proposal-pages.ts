import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { proposeChange } from "../../../core/changes/index.ts";
import { AppError } from "../../../core/kernel/errors.ts";
import { pickRequired } from "../../../core/kernel/i18n/localise.ts";
import { activityKind, listEntities, subProcessorKind } from "../../../core/register/index.ts";
import type { AppEnv, AppWiring } from "../../env.ts";
import { type PostedForm, readForm } from "../../forms/form-reader.ts";
import { withPublicBaseUrl } from "../../objection/link-context.ts";
import { setFlash } from "../session-cookie.ts";
import { FieldErrors } from "../ui/fields.ts";
import { renderPage } from "../ui/page.ts";
import { t, uiLanguage, uiNumber } from "../ui/ui-language.ts";
import { type ProposalChoices, proposalForm, proposalInput } from "./change-form.ts";
import { friendly } from "./form-values.ts";

/** What the form offers: the register's first 200 sub-processors and activities (more than a processor of this size has). */
async function choices(c: Context<AppEnv>): Promise<ProposalChoices> {
  const ctx = c.get("ctx");
  const [vendors, activities] = await Promise.all([
    listEntities(ctx, subProcessorKind, { limit: "200" }),
    listEntities(ctx, activityKind, { limit: "200" }),
  ]);
  const vendorChoice = (s: (typeof vendors.items)[number]) => ({
    value: s.id,
    label: t("admin.changes.form.vendorChoice", { name: s.legalName, status: t(`admin.changes.vendorStatus.${s.status}`) }),
  });
  const lang = uiLanguage();
  return {
    subProcessors: vendors.items.filter((s) => s.status === "active" || s.status === "proposed").map(vendorChoice),
    activeSubProcessors: vendors.items.filter((s) => s.status === "active").map(vendorChoice),
    activities: activities.items.map((a) => ({ value: a.id, label: pickRequired(a.name, lang) })),
  };
}

async function formPage(
  c: Context<AppEnv>,
  form: PostedForm | null,
  errors: FieldErrors,
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  const body = proposalForm({ csrf: c.get("session").csrfToken, choices: await choices(c), form, errors });
  return renderPage(c, { title: t("admin.changes.form.title"), trail: [["/admin/changes", t("admin.changes.title")]], body, status });
}

/** GET /admin/changes/new */
export const newChangePage = (c: Context<AppEnv>): Promise<Response> => formPage(c, null, new FieldErrors());

/** POST /admin/changes: proposes (and, if ticked, announces) through the same use case as the API; on a refusal the form comes back with what was typed. */
export function proposeHandler(deps: AppWiring) {
  return async (c: Context<AppEnv>): Promise<Response> => {
    const form = await readForm(c);
    try {
      const result = await proposeChange(withPublicBaseUrl(c, deps.publicBaseUrl), proposalInput(form), null);
      const count = result.noticeCount;
      setFlash(
        c,
        result.change.status === "announced"
          ? t(count === 1 ? "admin.changes.flash.proposedAnnounced.one" : "admin.changes.flash.proposedAnnounced.other", {
              count: uiNumber(count),
            })
          : t("admin.changes.flash.proposed"),
      );
      return c.redirect(`/admin/changes/${encodeURIComponent(result.change.id)}`, 303);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === "validation") return formPage(c, form, new FieldErrors(friendly(error.issues)), 422);
      if (error.code === "conflict") return formPage(c, form, new FieldErrors([{ path: "(body)", message: error.message }]), 409);
      throw error;
    }
  };
}
