import type { Hono } from "hono";
import type { AppEnv } from "../../env.ts";

export function registerRegisterPages(_app: Hono<AppEnv>): void {}
