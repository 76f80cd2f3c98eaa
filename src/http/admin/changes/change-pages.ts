import type { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../env.ts";

export function registerChangePages(_app: Hono<AppEnv>, _deps: AppDeps): void {}
