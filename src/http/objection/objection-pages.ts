import type { Hono } from "hono";
import type { AppDeps, AppEnv } from "../env.ts";
import type { Clock } from "../../core/context.ts";

export function registerObjectionPages(_app: Hono<AppEnv>, _deps: AppDeps & { clock: Clock }): void {}
