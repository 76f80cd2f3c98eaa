import type { Context } from "hono";
import type { Ctx } from "../../core/context.ts";
import type { AppEnv } from "../env.ts";

/**
 * The request's use-case context with the base URL customers' objection
 * links start with: the configured PUBLIC_BASE_URL, else the origin this
 * request came to (right for a direct deployment, wrong behind a proxy that
 * rewrites the host, hence the setting).
 */
export function withPublicBaseUrl(c: Context<AppEnv>, configured: string | undefined): Ctx {
  return { ...c.get("ctx"), publicBaseUrl: configured ?? new URL(c.req.url).origin };
}
