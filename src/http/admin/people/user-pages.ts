import type { Context, Hono } from "hono";
import { createUser, getUser, listUsers, setPassword, updateUser, type User, USER_ROLES } from "../../../core/accounts/index.ts";
import type { AppDeps, AppEnv } from "../../env.ts";
import { readForm } from "../../forms/form-reader.ts";
import { adminRoute } from "../admin-route.ts";
import { setFlash } from "../session-cookie.ts";
import { checkbox, csrfField, errorSummary, FieldErrors, selectField, textField } from "../ui/fields.ts";
import { type Html, html, instant, nothing, seg } from "../ui/html.ts";
import { renderPage } from "../ui/page.ts";
import { t } from "../ui/ui-language.ts";
import { orFieldErrors } from "./form-errors.ts";

/** The roles a person may have and the way back to the list, in the page's language (built per request, not at import). */
const roleChoices = () => USER_ROLES.map((r) => ({ value: r, label: t(`admin.common.role.${r}`) }));
const trail = (): [string, string][] => [["/admin/users", t("admin.people.users.title")]];

export function registerUserPages(app: Hono<AppEnv>, deps: AppDeps): void {
  adminRoute(app, "GET", "/admin/users", "tokens:manage", async (c) => {
    const users = await listUsers(c.get("ctx"));
    return renderPage(c, {
      title: t("admin.people.users.title"),
      body: html`<p class="actions"><a class="button" href="/admin/users/new">${t("admin.people.users.add")}</a></p>
<table><thead><tr><th scope="col">${t("admin.common.name")}</th><th scope="col">${t("admin.people.user.email")}</th><th scope="col">${t("admin.people.role")}</th><th scope="col">${t("admin.common.status")}</th><th scope="col">${t("admin.people.user.added")}</th></tr></thead>
<tbody>${users.map((u) => html`<tr><td><a href="/admin/users/${seg(u.id)}">${u.name}</a></td><td>${u.email}</td><td>${t(`admin.common.role.${u.role}`)}</td><td>${status(u)}</td><td>${instant(u.createdAt)}</td></tr>`)}</tbody></table>`,
    });
  });

  adminRoute(app, "GET", "/admin/users/new", "tokens:manage", (c) => newUserPage(c, {}, new FieldErrors()));

  adminRoute(app, "POST", "/admin/users", "tokens:manage", async (c) => {
    const form = await readForm(c);
    const input = { email: form.only("email"), name: form.only("name"), role: form.only("role"), password: form.only("password") };
    const result = await orFieldErrors(() => createUser(c.get("ctx"), input, deps.passwordCost));
    if ("errors" in result) return newUserPage(c, input, result.errors, 422);
    setFlash(c, t("admin.people.user.addedFlash", { email: result.ok.email }));
    return c.redirect(`/admin/users/${seg(result.ok.id)}`, 303);
  });

  adminRoute(app, "GET", "/admin/users/:id", "tokens:manage", async (c) => {
    const user = await getUser(c.get("ctx"), c.req.param("id") ?? "");
    return userPage(c, user, { name: user.name, role: user.role, disabled: Boolean(user.disabledAt) }, new FieldErrors());
  });

  adminRoute(app, "POST", "/admin/users/:id", "tokens:manage", async (c) => {
    const ctx = c.get("ctx");
    const user = await getUser(ctx, c.req.param("id") ?? "");
    const form = await readForm(c);
    const input = { name: form.only("name"), role: form.only("role"), disabled: form.only("disabled") === "true" };
    const result = await orFieldErrors(() => updateUser(ctx, user.id, input, Number(form.only("revision"))));
    if ("errors" in result) return userPage(c, user, input, result.errors, new FieldErrors(), 422);
    setFlash(c, t("admin.people.user.savedFlash"));
    return c.redirect(`/admin/users/${seg(user.id)}`, 303);
  });

  adminRoute(app, "POST", "/admin/users/:id/password", "tokens:manage", async (c) => {
    const ctx = c.get("ctx");
    const user = await getUser(ctx, c.req.param("id") ?? "");
    const form = await readForm(c);
    const keepSessionId = user.id === c.get("session").user.id ? c.get("session").id : undefined;
    const result = await orFieldErrors(() => setPassword(ctx, user.id, form.only("password"), { keepSessionId, cost: deps.passwordCost }));
    const current = { name: user.name, role: user.role, disabled: Boolean(user.disabledAt) };
    if ("errors" in result) return userPage(c, user, current, new FieldErrors(), result.errors, 422);
    setFlash(c, t("admin.people.user.passwordFlash", { email: user.email }));
    return c.redirect(`/admin/users/${seg(user.id)}`, 303);
  });
}

const status = (u: User): Html =>
  u.disabledAt
    ? html`<span class="badge blocked">${t("admin.people.user.disabled")}</span>`
    : u.lockedUntil && Date.parse(u.lockedUntil) > Date.now()
      ? html`<span class="badge warn">${t("admin.people.user.lockedUntil", { when: instant(u.lockedUntil) })}</span>`
      : html`<span class="badge ok">${t("admin.people.active")}</span>`;

function newUserPage(c: Context<AppEnv>, values: Record<string, string>, errors: FieldErrors, code: 200 | 422 = 200) {
  return renderPage(c, {
    title: t("admin.people.users.add"),
    trail: trail(),
    status: code,
    body: html`${errorSummary(errors)}<form method="post" action="/admin/users" class="narrow">${csrfField(c.get("session").csrfToken)}
${textField({ name: "name", label: t("admin.common.name"), value: values.name, errors, required: true })}
${textField({ name: "email", label: t("admin.people.user.emailAddress"), type: "email", value: values.email, errors, required: true, autocomplete: "off" })}
${selectField({ name: "role", label: t("admin.people.role"), value: values.role ?? "editor", choices: roleChoices(), errors, hint: t("admin.people.user.role.hint"), required: true })}
${textField({ name: "password", label: t("admin.people.user.initialPassword"), type: "password", errors, required: true, autocomplete: "new-password", hint: t("admin.people.user.initialPassword.hint") })}
<div class="actions"><button type="submit">${t("admin.common.save")}</button></div></form>`,
  });
}

function userPage(
  c: Context<AppEnv>,
  user: User,
  values: { name: string; role: string; disabled: boolean },
  errors: FieldErrors,
  passwordErrors = new FieldErrors(),
  code: 200 | 422 = 200,
) {
  const csrf = c.get("session").csrfToken;
  return renderPage(c, {
    title: user.name,
    trail: trail(),
    status: code,
    body: html`<dl class="facts"><dt>${t("admin.people.user.email")}</dt><dd>${user.email}</dd><dt>${t("admin.common.status")}</dt><dd>${status(user)}</dd><dt>${t("admin.people.user.added")}</dt><dd>${instant(user.createdAt)}</dd><dt>${t("admin.people.user.lastChanged")}</dt><dd>${instant(user.updatedAt)}</dd></dl>
<p><a href="/admin/audit?entityType=user&amp;entityId=${seg(user.id)}">${t("admin.people.user.history")}</a></p>
<h2>${t("admin.people.user.access")}</h2>${errorSummary(errors)}
<form method="post" action="/admin/users/${seg(user.id)}" class="narrow">${csrfField(csrf)}<input type="hidden" name="revision" value="${user.revision}">
${textField({ name: "name", label: t("admin.common.name"), value: values.name, errors, required: true })}
${selectField({ name: "role", label: t("admin.people.role"), value: values.role, choices: roleChoices(), errors, required: true })}
${checkbox({ name: "disabled", label: t("admin.people.user.disabledField"), checked: values.disabled, errors })}
<div class="actions"><button type="submit">${t("admin.common.save")}</button></div></form>
<h2>${t("admin.people.user.newPassword.heading")}</h2>${passwordErrors.any ? errorSummary(passwordErrors) : nothing}
<form method="post" action="/admin/users/${seg(user.id)}/password" class="narrow" data-confirm="${t("admin.people.user.newPassword.confirm")}">${csrfField(csrf)}
${textField({ name: "password", label: t("admin.people.user.newPassword"), type: "password", errors: passwordErrors, required: true, autocomplete: "new-password", hint: t("admin.people.user.newPassword.hint") })}
<div class="actions"><button type="submit" class="secondary">${t("admin.people.user.newPassword.button")}</button></div></form>`,
  });
}
