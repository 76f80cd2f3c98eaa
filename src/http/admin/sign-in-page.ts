import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { FieldErrors, errorSummary, textField } from "./ui/fields.ts";
import { html, nothing } from "./ui/html.ts";
import { renderBarePage } from "./ui/page.ts";
import { t } from "./ui/ui-language.ts";

/** Only same-site paths under /admin are followed after sign-in, so the form cannot be made to redirect elsewhere. */
export function safeNext(next: string | undefined | null): string {
  if (!next?.startsWith("/admin") || next.startsWith("//") || /[\\\r\n]/.test(next)) return "/admin";
  return next;
}

export function signInPage(
  c: Context,
  o: { next?: string; email?: string; message?: string; errors?: FieldErrors; status?: ContentfulStatusCode },
): Response | Promise<Response> {
  const errors = o.errors ?? new FieldErrors();
  return renderBarePage(c, {
    title: t("admin.common.signIn.title"),
    status: o.status ?? 200,
    body: html`<div class="narrow">
${o.message ? html`<p class="warning" role="alert">${o.message}</p>` : nothing}
${errorSummary(errors, t("admin.common.signIn.correct"))}
<form method="post" action="/admin/sign-in">
<input type="hidden" name="next" value="${safeNext(o.next)}">
${textField({ name: "email", label: t("admin.common.signIn.email"), type: "email", value: o.email ?? "", autocomplete: "username", errors, required: true })}
${textField({ name: "password", label: t("admin.common.signIn.password"), type: "password", autocomplete: "current-password", errors, required: true })}
<div class="actions"><button type="submit">${t("admin.common.signIn.button")}</button></div>
</form>
<p class="hint">${t("admin.common.signIn.accountsBefore")} <code>./dev cli user create --email … --name …</code> ${t("admin.common.signIn.accountsAfter")}</p>
</div>`,
  });
}
