import type { Context, Hono } from "hono";
import { AppError } from "../../core/kernel/errors.ts";
import { changeOwnPassword, setOwnLanguage, signIn, signOut } from "../../core/accounts/index.ts";
import { LANGUAGES } from "../../core/kernel/values/values.ts";
import type { AppEnv, AppWiring } from "../env.ts";
import { readForm } from "../forms/form-reader.ts";
import { adminRoute } from "./admin-route.ts";
import { clearSessionCookie, setFlash, setSessionCookie } from "./session-cookie.ts";
import { SIGN_IN_PATH } from "./session-guard.ts";
import { safeNext, signInPage } from "./sign-in-page.ts";
import { csrfField, errorSummary, FieldErrors, selectField, textField } from "./ui/fields.ts";
import { html, instant } from "./ui/html.ts";
import { browserLanguage, t, uiMessage, useUserLanguage } from "./ui/ui-language.ts";
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
      return signInPage(c, { next, email, message: t("admin.common.signIn.tooMany", { wait: waitText(wait) }), status: 429 });
    }
    const missing = [
      ...(email.trim() ? [] : [{ path: "email", message: t("admin.common.signIn.enterEmail") }]),
      ...(form.only("password") ? [] : [{ path: "password", message: t("admin.common.signIn.enterPassword") }]),
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
      return signInPage(c, { next, email, message: uiMessage(error.message), status: 401 });
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
      return accountPage(c, new FieldErrors([{ path: "confirm", message: t("admin.common.account.differ") }]), 422);
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
    setFlash(c, t("admin.common.account.changed"));
    return c.redirect("/admin/account", 303);
  });

  adminRoute(app, "POST", "/admin/account/language", "signed-in", async (c) => {
    const form = await readForm(c);
    try {
      const user = await setOwnLanguage(c.get("ctx"), form.only("language"));
      useUserLanguage(user.language ?? browserLanguage(c.req.header("accept-language")));
      setFlash(
        c,
        user.language
          ? t("admin.common.account.languageSaved", { language: t(`admin.common.language.${user.language}`) })
          : t("admin.common.account.languageBrowser"),
      );
    } catch (error) {
      if (error instanceof AppError && error.code === "validation") return accountPage(c, new FieldErrors(error.issues), 422);
      throw error;
    }
    return c.redirect("/admin/account", 303);
  });
}

/** "in 30 seconds", "in 5 minutes": how long a refused sign-in must wait. */
function waitText(seconds: number): string {
  return seconds < 120 ? t("admin.common.wait.seconds", { n: seconds }) : t("admin.common.wait.minutes", { n: Math.ceil(seconds / 60) });
}

function accountPage(c: Context<AppEnv>, errors: FieldErrors, status: 200 | 422 = 200) {
  const session = c.get("session");
  const browser = t(`admin.common.language.${browserLanguage(c.req.header("accept-language"))}`);
  return renderPage(c, {
    title: t("admin.common.account.title"),
    status,
    body: html`<dl class="facts"><dt>${t("admin.common.name")}</dt><dd>${session.user.name}</dd><dt>${t("admin.common.account.email")}</dt><dd>${session.user.email}</dd><dt>${t("admin.common.account.role")}</dt><dd>${t(`admin.common.role.${session.user.role}`)}</dd><dt>${t("admin.common.account.sessionEnds")}</dt><dd>${t("admin.common.account.sessionEndsText", { at: instant(session.expiresAt) })}</dd></dl>
${errorSummary(errors)}
<h2>${t("admin.common.account.languageTitle")}</h2>
<form method="post" action="/admin/account/language" class="narrow">${csrfField(session.csrfToken)}
${selectField({
  name: "language",
  label: t("admin.common.language"),
  value: session.user.language ?? "",
  choices: [
    { value: "", label: t("admin.common.language.browser") },
    ...LANGUAGES.map((lang) => ({ value: lang, label: t(`admin.common.language.${lang}`) })),
  ],
  hint: t("admin.common.account.languageHint", { language: browser }),
  errors,
})}
<div class="actions"><button type="submit">${t("admin.common.account.languageSave")}</button></div></form>
<h2>${t("admin.common.account.password")}</h2>
<form method="post" action="/admin/account/password" class="narrow">${csrfField(session.csrfToken)}
${textField({ name: "current", label: t("admin.common.account.current"), type: "password", autocomplete: "current-password", errors, required: true })}
${textField({ name: "password", label: t("admin.common.account.new"), type: "password", autocomplete: "new-password", hint: t("admin.common.account.newHint"), errors, required: true })}
${textField({ name: "confirm", label: t("admin.common.account.again"), type: "password", autocomplete: "new-password", errors, required: true })}
<div class="actions"><button type="submit">${t("admin.common.account.change")}</button></div></form>`,
  });
}
