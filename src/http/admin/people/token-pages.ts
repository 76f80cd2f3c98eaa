import type { Context, Hono } from "hono";
import { ROLES } from "../../../core/kernel/roles.ts";
import { type ApiToken, createToken, listTokens, revokeToken } from "../../../core/accounts/index.ts";
import type { AppEnv } from "../../env.ts";
import { readForm } from "../../forms/form-reader.ts";
import { adminRoute } from "../admin-route.ts";
import { setFlash } from "../session-cookie.ts";
import { csrfField, errorSummary, FieldErrors, postButton, selectField, textField } from "../ui/fields.ts";
import { type Html, html, instant, nothing, seg } from "../ui/html.ts";
import { renderPage } from "../ui/page.ts";
import { t } from "../ui/ui-language.ts";
import { orFieldErrors } from "./form-errors.ts";

/** Every role a token may have, named in the page's language (built per request, not at import). */
const roleChoices = () => ROLES.map((r) => ({ value: r, label: t(`admin.common.role.${r}`) }));

/** API tokens for the procurement workflow and other integrations: the role is the token's scope. */
export function registerTokenPages(app: Hono<AppEnv>): void {
  adminRoute(app, "GET", "/admin/tokens", "tokens:manage", (c) => tokensPage(c, {}, new FieldErrors()));

  adminRoute(app, "POST", "/admin/tokens", "tokens:manage", async (c) => {
    const form = await readForm(c);
    const input = { name: form.only("name"), role: form.only("role") };
    const result = await orFieldErrors(() => createToken(c.get("ctx"), input));
    if ("errors" in result) return tokensPage(c, input, result.errors, 422);
    // Rendered, not redirected: the secret must not travel in a cookie or URL, and is shown this once.
    return tokensPage(c, {}, new FieldErrors(), 201, result.ok.token, result.ok);
  });

  adminRoute(app, "POST", "/admin/tokens/:id/revoke", "tokens:manage", async (c) => {
    const revoked = await revokeToken(c.get("ctx"), c.req.param("id") ?? "");
    setFlash(c, t("admin.people.token.revokedFlash", { name: revoked.name }));
    return c.redirect("/admin/tokens", 303);
  });
}

async function tokensPage(
  c: Context<AppEnv>,
  values: Record<string, string>,
  errors: FieldErrors,
  code: 200 | 201 | 422 = 200,
  secret?: string,
  created?: ApiToken,
) {
  const tokens = await listTokens(c.get("ctx"));
  const csrf = c.get("session").csrfToken;
  return renderPage(c, {
    title: t("admin.people.tokens.title"),
    status: code,
    body: html`${secret && created ? shownOnce(secret, created) : nothing}
<p>${t("admin.people.tokens.intro.before")}<a href="/api/reference">${t("admin.people.tokens.intro.link")}</a>${t("admin.people.tokens.intro.after")}</p>
<table><thead><tr><th scope="col">${t("admin.common.name")}</th><th scope="col">${t("admin.people.role")}</th><th scope="col">${t("admin.people.token.created")}</th><th scope="col">${t("admin.people.token.lastUsed")}</th><th scope="col">${t("admin.common.status")}</th><th scope="col">${t("admin.people.token.action")}</th></tr></thead>
<tbody>${tokens.map((token) => row(token, csrf))}</tbody></table>
<h2>${t("admin.people.tokens.create")}</h2>${errorSummary(errors)}
<form method="post" action="/admin/tokens" class="narrow">${csrfField(csrf)}
${textField({ name: "name", label: t("admin.people.token.purpose"), value: values.name, errors, required: true, hint: t("admin.people.token.purpose.hint") })}
${selectField({ name: "role", label: t("admin.people.token.scope"), value: values.role ?? "procurement", choices: roleChoices(), errors, required: true })}
<div class="actions"><button type="submit">${t("admin.people.tokens.createButton")}</button></div></form>`,
  });
}

function row(token: ApiToken, csrf: string): Html {
  const action = token.revokedAt
    ? nothing
    : postButton({
        action: `/admin/tokens/${seg(token.id)}/revoke`,
        label: t("admin.people.token.revoke", { name: token.name }),
        csrf,
        danger: true,
      });
  const state = token.revokedAt
    ? html`<span class="badge blocked">${t("admin.people.token.revokedAt", { when: instant(token.revokedAt) })}</span>`
    : html`<span class="badge ok">${t("admin.people.active")}</span>`;
  return html`<tr><td>${token.name}</td><td>${t(`admin.common.role.${token.role}`)}</td><td>${t("admin.people.token.createdBy", { when: instant(token.createdAt), who: token.createdBy })}</td><td>${token.lastUsedAt ? instant(token.lastUsedAt) : t("admin.people.token.never")}</td>
<td>${state}</td><td>${action}</td></tr>`;
}

function shownOnce(secret: string, token: ApiToken): Html {
  return html`<div class="flash" role="status"><h2>${t("admin.people.token.createdHeading", { name: token.name })}</h2>
<p>${t("admin.people.token.copyNow")}</p>
<p><strong>${t("admin.people.token.secret")}</strong></p><pre>${secret}</pre>
<p>${t("admin.people.token.usage.before")}<code>Authorization: Bearer &lt;secret&gt;</code>${t("admin.people.token.usage.after")}</p></div>`;
}
