import type { Ctx } from "./context.ts";

/** Where links point when nothing configured one (demo loader, CLI, lifecycle, tests). */
export const DEFAULT_PUBLIC_BASE_URL = "http://localhost:3000";

/** The base every link in an e-mail or feed starts with: the configured one, without a trailing slash. */
export const publicBaseUrl = (ctx: Ctx): string => (ctx.publicBaseUrl ?? DEFAULT_PUBLIC_BASE_URL).replace(/\/+$/, "");
