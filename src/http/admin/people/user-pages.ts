import type { Context, Hono } from "hono";
import {
  createUser,
  getUser,
  listUsers,
  ROLE_LABELS,
  setPassword,
  updateUser,
  type User,
  USER_ROLES,
} from "../../../core/accounts/index.ts";
import type { AppDeps, AppEnv } from "../../env.ts";
import { readForm } from "../../forms/form-reader.ts";
import { adminRoute } from "../admin-route.ts";
import { setFlash } from "../session-cookie.ts";
import { checkbox, csrfField, errorSummary, FieldErrors, selectField, textField } from "../ui/fields.ts";
import { type Html, html, instant, nothing, seg } from "../ui/html.ts";
import { renderPage } from "../ui/page.ts";
import { orFieldErrors } from "./form-errors.ts";

const ROLE_CHOICES = USER_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
const TRAIL: [string, string][] = [["/admin/users", "Users"]];

export function registerUserPages(app: Hono<AppEnv>, deps: AppDeps): void {
  adminRoute(app, "GET", "/admin/users", "tokens:manage", async (c) => {
    const users = await listUsers(c.get("ctx"));
    return renderPage(c, {
      title: "Users",
      body: html`<p class="actions"><a class="button" href="/admin/users/new">Add a user</a></p>
<table><thead><tr><th scope="col">Name</th><th scope="col">E-mail</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Added</th></tr></thead>
<tbody>${users.map((u) => html`<tr><td><a href="/admin/users/${seg(u.id)}">${u.name}</a></td><td>${u.email}</td><td>${ROLE_LABELS[u.role]}</td><td>${status(u)}</td><td>${instant(u.createdAt)}</td></tr>`)}</tbody></table>`,
    });
  });

  adminRoute(app, "GET", "/admin/users/new", "tokens:manage", (c) => newUserPage(c, {}, new FieldErrors()));

  adminRoute(app, "POST", "/admin/users", "tokens:manage", async (c) => {
    const form = await readForm(c);
    const input = { email: form.only("email"), name: form.only("name"), role: form.only("role"), password: form.only("password") };
    const result = await orFieldErrors(() => createUser(c.get("ctx"), input, deps.passwordCost));
    if ("errors" in result) return newUserPage(c, input, result.errors, 422);
    setFlash(c, `Added ${result.ok.email}. Give them the password over a separate channel.`);
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
    setFlash(c, "Saved.");
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
    setFlash(c, `New password set for ${user.email}; their sessions were ended.`);
    return c.redirect(`/admin/users/${seg(user.id)}`, 303);
  });
}

const status = (u: User): Html =>
  u.disabledAt
    ? html`<span class="badge blocked">Disabled</span>`
    : u.lockedUntil && Date.parse(u.lockedUntil) > Date.now()
      ? html`<span class="badge warn">Locked until ${instant(u.lockedUntil)}</span>`
      : html`<span class="badge ok">Active</span>`;

function newUserPage(c: Context<AppEnv>, values: Record<string, string>, errors: FieldErrors, code: 200 | 422 = 200) {
  return renderPage(c, {
    title: "Add a user",
    trail: TRAIL,
    status: code,
    body: html`${errorSummary(errors)}<form method="post" action="/admin/users" class="narrow">${csrfField(c.get("session").csrfToken)}
${textField({ name: "name", label: "Name", value: values.name, errors, required: true })}
${textField({ name: "email", label: "E-mail address", type: "email", value: values.email, errors, required: true, autocomplete: "off" })}
${selectField({ name: "role", label: "Role", value: values.role ?? "editor", choices: ROLE_CHOICES, errors, hint: "Admins (DPOs) also manage users and API tokens; auditors only read.", required: true })}
${textField({ name: "password", label: "Initial password", type: "password", errors, required: true, autocomplete: "new-password", hint: "At least 12 characters. They can change it under “Your account”." })}
<div class="actions"><button type="submit">Save</button></div></form>`,
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
    trail: TRAIL,
    status: code,
    body: html`<dl class="facts"><dt>E-mail</dt><dd>${user.email}</dd><dt>Status</dt><dd>${status(user)}</dd><dt>Added</dt><dd>${instant(user.createdAt)}</dd><dt>Last changed</dt><dd>${instant(user.updatedAt)}</dd></dl>
<p><a href="/admin/audit?entityType=user&amp;entityId=${seg(user.id)}">History of this user</a></p>
<h2>Name, role and access</h2>${errorSummary(errors)}
<form method="post" action="/admin/users/${seg(user.id)}" class="narrow">${csrfField(csrf)}<input type="hidden" name="revision" value="${user.revision}">
${textField({ name: "name", label: "Name", value: values.name, errors, required: true })}
${selectField({ name: "role", label: "Role", value: values.role, choices: ROLE_CHOICES, errors, required: true })}
${checkbox({ name: "disabled", label: "Disabled (cannot sign in; signed out everywhere)", checked: values.disabled, errors })}
<div class="actions"><button type="submit">Save</button></div></form>
<h2>Set a new password</h2>${passwordErrors.any ? errorSummary(passwordErrors) : nothing}
<form method="post" action="/admin/users/${seg(user.id)}/password" class="narrow" data-confirm="Set a new password and sign this user out everywhere?">${csrfField(csrf)}
${textField({ name: "password", label: "New password", type: "password", errors: passwordErrors, required: true, autocomplete: "new-password", hint: "At least 12 characters. Also unlocks a locked account." })}
<div class="actions"><button type="submit" class="secondary">Set password</button></div></form>`,
  });
}
