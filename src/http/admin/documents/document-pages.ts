import type { Hono } from "hono";
import type { AppEnv } from "../../env.ts";

export function registerDocumentPages(_app: Hono<AppEnv>): void {}
