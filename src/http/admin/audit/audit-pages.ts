import type { Hono } from "hono";
import type { AppEnv } from "../../env.ts";

export function registerAuditPages(_app: Hono<AppEnv>): void {}
