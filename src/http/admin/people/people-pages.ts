import type { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../env.ts";

export function registerPeoplePages(_app: Hono<AppEnv>, _deps: AppDeps): void {}
