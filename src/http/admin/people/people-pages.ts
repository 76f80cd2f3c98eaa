import type { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../env.ts";
import { registerTokenPages } from "./token-pages.ts";
import { registerUserPages } from "./user-pages.ts";

/** Users and API tokens: admins (DPOs) only. */
export function registerPeoplePages(app: Hono<AppEnv>, deps: AppDeps): void {
  registerUserPages(app, deps);
  registerTokenPages(app);
}
