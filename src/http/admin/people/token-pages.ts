import type { Context, Hono } from "hono";
import { ROLES } from "../../../core/kernel/roles.ts";
import { type ApiToken, createToken, listTokens, revokeToken, ROLE_LABELS } from "../../../core/accounts/index.ts";
import type { AppEnv } from "../../env.ts";
import { readForm } from "../../forms/form-reader.ts";
import { adminRoute } from "../admin-route.ts";
import { setFlash } from "../session-cookie.ts";
import { csrfField, errorSummary, FieldErrors, postButton, selectField, textField } from "../ui/fields.ts";
import { type Html, html, instant, nothing, seg } from "../ui/html.ts";
import { renderPage } from "../ui/page.ts";
import { orFieldErrors } from "./form-errors.ts";

const ROLE_CHOICES = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

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
    setFlash(c, `Revoked “${revoked.name}”: requests with it are refused from now on.`);
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
    title: "API tokens",
    status: code,
    body: html`${secret && created ? shownOnce(secret, created) : nothing}
<p>Tokens let the procurement workflow and other systems call the JSON API (<a href="/api/reference">API reference</a>). The role limits what a token may do.</p>
<table><thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Status</th><th scope="col">Action</th></tr></thead>
<tbody>${tokens.map((t) => row(t, csrf))}</tbody></table>
<h2>Create a token</h2>${errorSummary(errors)}
<form method="post" action="/admin/tokens" class="narrow">${csrfField(csrf)}
${textField({ name: "name", label: "What the token is for", value: values.name, errors, required: true, hint: "E.g. procurement-workflow." })}
${selectField({ name: "role", label: "Role (scope)", value: values.role ?? "procurement", choices: ROLE_CHOICES, errors, required: true })}
<div class="actions"><button type="submit">Create token</button></div></form>`,
  });
}

function row(t: ApiToken, csrf: string): Html {
  const action = t.revokedAt
    ? nothing
    : postButton({ action: `/admin/tokens/${seg(t.id)}/revoke`, label: `Revoke ${t.name}`, csrf, danger: true });
  return html`<tr><td>${t.name}</td><td>${ROLE_LABELS[t.role]}</td><td>${instant(t.createdAt)} by ${t.createdBy}</td><td>${t.lastUsedAt ? instant(t.lastUsedAt) : "never"}</td>
<td>${t.revokedAt ? html`<span class="badge blocked">Revoked ${instant(t.revokedAt)}</span>` : html`<span class="badge ok">Active</span>`}</td><td>${action}</td></tr>`;
}

function shownOnce(secret: string, token: ApiToken): Html {
  return html`<div class="flash" role="status"><h2>Token “${token.name}” created</h2>
<p>Copy the secret now: it is shown this once, and only its hash is stored.</p>
<p><strong>Secret</strong></p><pre>${secret}</pre>
<p>Use it as <code>Authorization: Bearer &lt;secret&gt;</code>.</p></div>`;
}
