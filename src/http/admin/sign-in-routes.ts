import type { Context, Hono } from "hono";
import { AppError } from "../../core/kernel/errors.ts";
import { changeOwnPassword, signIn, signOut } from "../../core/accounts/index.ts";
import type { AppEnv, AppWiring } from "../env.ts";
import { readForm } from "../forms/form-reader.ts";
import { waitText } from "../middleware/rate-limit.ts";
import { adminRoute } from "./admin-route.ts";
import { clearSessionCookie, setFlash, setSessionCookie } from "./session-cookie.ts";
import { SIGN_IN_PATH } from "./session-guard.ts";
import { safeNext, signInPage } from "./sign-in-page.ts";
import { csrfField, errorSummary, FieldErrors, textField } from "./ui/fields.ts";
import { html } from "./ui/html.ts";
import { renderPage } from "./ui/page.ts";

export function registerSignInRoutes(app: Hono<AppEnv>, deps: AppWiring): void {
  app.get(SIGN_IN_PATH, (c) => signInPage(c, { next: c.req.query("next") }));

  app.post(SIGN_IN_PATH, async (c) => {
    const form = await readForm(c);
    const email = form.only("email");
    const next = form.only("next");
    // Both budgets are spent by every attempt: many guesses from one address, or at one account from many.
    const wait = Math.max(
      deps.limits.signInPerAddress.take(deps.clientAddress?.(c) ?? "unknown"),
      deps.limits.signInPerAccount.take(email.trim().toLowerCase()),
    );
    if (wait > 0) {
      c.header("Retry-After", String(wait));
      return signInPage(c, { next, email, message: `Too many sign-in attempts. Please try again ${waitText(wait)}.`, status: 429 });
    }
    const missing = [
      ...(email.trim() ? [] : [{ path: "email", message: "Enter your e-mail address." }]),
      ...(form.only("password") ? [] : [{ path: "password", message: "Enter your password." }]),
    ];
    if (missing.length) return signInPage(c, { next, email, errors: new FieldErrors(missing), status: 422 });
    try {
      const { secret } = await signIn(
        deps.store,
        deps.clock,
        { email, password: form.only("password") },
        deps.passwordCost,
        deps.passwordKdf,
      );
      setSessionCookie(c, secret);
      return c.redirect(safeNext(next), 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "unauthenticated") throw error;
      return signInPage(c, { next, email, message: error.message, status: 401 });
    }
  });

  adminRoute(app, "POST", "/admin/sign-out", "signed-in", async (c) => {
    await signOut(deps.store, deps.clock, c.get("session"));
    clearSessionCookie(c);
    return c.redirect(SIGN_IN_PATH, 303);
  });

  adminRoute(app, "GET", "/admin/account", "signed-in", (c) => accountPage(c, new FieldErrors()));

  adminRoute(app, "POST", "/admin/account/password", "signed-in", async (c) => {
    const form = await readForm(c);
    const session = c.get("session");
    if (form.only("password") !== form.only("confirm")) {
      return accountPage(c, new FieldErrors([{ path: "confirm", message: "The two new passwords differ." }]), 422);
    }
    try {
      await changeOwnPassword(
        c.get("ctx"),
        { current: form.only("current"), password: form.only("password") },
        { keepSessionId: session.id, cost: deps.passwordCost },
      );
    } catch (error) {
      if (error instanceof AppError && error.code === "validation") return accountPage(c, new FieldErrors(error.issues), 422);
      throw error;
    }
    setFlash(c, "Your password was changed; your other sessions were signed out.");
    return c.redirect("/admin/account", 303);
  });
}

function accountPage(c: Context<AppEnv>, errors: FieldErrors, status: 200 | 422 = 200) {
  const session = c.get("session");
  return renderPage(c, {
    title: "Your account",
    status,
    body: html`<dl class="facts"><dt>Name</dt><dd>${session.user.name}</dd><dt>E-mail</dt><dd>${session.user.email}</dd><dt>Role</dt><dd>${session.user.role}</dd><dt>Session ends</dt><dd>${session.expiresAt.slice(0, 16).replace("T", " ")} UTC at the latest, or after 30 minutes without activity</dd></dl>
<h2>Change your password</h2>
${errorSummary(errors)}
<form method="post" action="/admin/account/password" class="narrow">${csrfField(session.csrfToken)}
${textField({ name: "current", label: "Current password", type: "password", autocomplete: "current-password", errors, required: true })}
${textField({ name: "password", label: "New password", type: "password", autocomplete: "new-password", hint: "At least 12 characters.", errors, required: true })}
${textField({ name: "confirm", label: "New password again", type: "password", autocomplete: "new-password", errors, required: true })}
<div class="actions"><button type="submit">Change password</button></div></form>`,
  });
}
