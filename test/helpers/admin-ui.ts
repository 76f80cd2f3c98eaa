import { expect } from "vitest";
import { createApp } from "../../src/app.ts";
import { type Clock, makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import type { Store } from "../../src/core/kernel/ports/store.ts";
import type { ScryptCost } from "../../src/core/accounts/password.ts";
import type { UserRole } from "../../src/core/accounts/user-model.ts";
import { createUser } from "../../src/core/accounts/user-use-cases.ts";
import type { AppDeps } from "../../src/http/env.ts";

/** Tests hash passwords cheaply; the production cost is tested in the password unit tests. */
export const TEST_COST: ScryptCost = { N: 16, r: 1, p: 1 };
export const TEST_PASSWORD = "correct horse battery staple";
export const ORIGIN = "http://localhost";

export const emailOf = (role: UserRole) => `${role}@example.test`;

/** A signed-in browser, reduced to what the server sees: the session cookie and the page's CSRF token. */
export interface UiSession {
  cookie: string;
  csrf: string;
}

export interface AdminUi {
  app: ReturnType<typeof createApp>;
  store: Store;
  /** Signs in the test user of a role through the sign-in form. */
  signIn(role: UserRole): Promise<UiSession>;
  /** A page as a browser asks for it; `headers` adds e.g. its Accept-Language. */
  get(path: string, session?: UiSession | null, headers?: Record<string, string>): Promise<Response>;
  /** Posts a form as a same-origin browser would, with the session's CSRF token unless `csrf` is given. */
  post(
    path: string,
    fields: Record<string, string | string[]>,
    session?: UiSession | null,
    options?: { csrf?: string | null; origin?: string | null; headers?: Record<string, string> },
  ): Promise<Response>;
}

/** The real app over `store`, with one user per role (admin, editor, read-only) whose password is TEST_PASSWORD. */
export async function makeAdminUi(store: Store, clock?: Clock, publicBaseUrl?: string, deps: Partial<AppDeps> = {}): Promise<AdminUi> {
  const ctx = makeCtx(store, SYSTEM_ACTOR, clock);
  for (const role of ["admin", "editor", "read-only"] as const) {
    await createUser(ctx, { email: emailOf(role), name: `Test ${role}`, role, password: TEST_PASSWORD }, TEST_COST);
  }
  const app = createApp({ store, clock, passwordCost: TEST_COST, publicBaseUrl, ...deps });
  const get: AdminUi["get"] = async (path, session, headers = {}) =>
    app.request(`${ORIGIN}${path}`, { headers: { ...headers, ...(session ? { cookie: cookieHeader(session) } : {}) } });
  const post: AdminUi["post"] = async (path, fields, session, options = {}) => {
    const body = new URLSearchParams();
    const csrf = options.csrf === undefined ? session?.csrf : options.csrf;
    if (csrf) body.append("_csrf", csrf);
    for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", ...options.headers };
    const origin = options.origin === undefined ? ORIGIN : options.origin;
    if (origin) headers.origin = origin;
    if (session) headers.cookie = cookieHeader(session);
    return app.request(`${ORIGIN}${path}`, { method: "POST", headers, body: body.toString() });
  };
  return {
    app,
    store,
    get,
    post,
    async signIn(role) {
      const response = await post("/admin/sign-in", { email: emailOf(role), password: TEST_PASSWORD });
      expect(response.status, await response.clone().text()).toBe(303);
      const cookie = /__Host-dpa_session=([^;]+)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
      if (!cookie) throw new Error("sign-in set no session cookie");
      const page = await get("/admin/account", { cookie, csrf: "" });
      return { cookie, csrf: csrfOf(await page.text()) };
    },
  };
}

export const cookieHeader = (s: UiSession) => `__Host-dpa_session=${s.cookie}`;

/** The CSRF token of a page's forms. */
export function csrfOf(page: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
  if (!token) throw new Error("page has no CSRF token");
  return token;
}
