import type { Context } from "hono";
import type { Ctx } from "../../core/kernel/context.ts";
import type { AppEnv } from "../env.ts";

/**
 * The request's use-case context with the base URL customers' objection
 * links start with: the configured PUBLIC_BASE_URL, never the Host a request
 * claims (a forged Host would otherwise end up in e-mails to customers).
 */
export function withPublicBaseUrl(c: Context<AppEnv>, configured: string): Ctx {
  return { ...c.get("ctx"), publicBaseUrl: configured };
}
