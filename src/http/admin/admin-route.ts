import type { Context, Hono } from "hono";
import { AppError } from "../../core/kernel/errors.ts";
import { can, type Permission } from "../../core/kernel/roles.ts";
import type { AppEnv } from "../env.ts";
import { t } from "./ui/ui-language.ts";

/**
 * Who may use an admin UI route: a permission from core/roles, or any
 * signed-in user. There is no "public" value: the few pages reached without
 * a session (sign-in, assets, customer objection links) are registered
 * outside /admin's session guard on purpose.
 */
export type Access = Permission | "signed-in";

export interface DeclaredRoute {
  method: "GET" | "POST";
  path: string;
  access: Access;
}

/** Every admin route with its access rule, in registration order (the role x route tests read it). */
export const ADMIN_ROUTES: DeclaredRoute[] = [];

type Handler = (c: Context<AppEnv>) => Response | Promise<Response>;

/**
 * Registers an admin UI route together with its access rule. The session
 * guard on /admin/* has already made sure someone is signed in; this adds
 * the role check, so a route cannot be added without saying who may use it.
 */
export function adminRoute(app: Hono<AppEnv>, method: "GET" | "POST", path: string, access: Access, handler: Handler): void {
  if (path !== "/admin" && !path.startsWith("/admin/")) throw new Error(`Admin routes live under /admin: ${path}`);
  if (!ADMIN_ROUTES.some((r) => r.method === method && r.path === path)) ADMIN_ROUTES.push({ method, path, access });
  app.on(method, path, async (c) => {
    if (access !== "signed-in" && !can(c.get("actor").role, access)) {
      throw new AppError("forbidden", t("admin.common.forbiddenRole", { role: c.get("actor").role, permission: access }));
    }
    return handler(c);
  });
}
