import type { Context } from "hono";
import type { Actor, Clock } from "../../core/context.ts";
import { AppError } from "../../core/errors.ts";
import type { Store } from "../../core/ports/store.ts";
import { can } from "../../core/roles.ts";
import { authenticate } from "../../core/tokens/token-use-cases.ts";

/**
 * Calendar clients subscribe to a URL and cannot send headers, so the token
 * may come as `?token=` (a Bearer header works too). Such a URL is stored in
 * calendar apps and may appear in proxy logs: create a separate token with
 * the read-only role for each calendar, so it can read nothing else worth
 * having, write nothing, and be revoked on its own.
 */
export async function calendarActor(c: Context, store: Store, clock: Clock): Promise<Actor> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
  const secret = bearer ?? c.req.query("token");
  if (!secret) throw new AppError("unauthenticated", "Add ?token=<API token> to the calendar URL (a read-only token).");
  const actor = await authenticate(store, secret, clock.now());
  if (!actor) throw new AppError("unauthenticated", "This API token is unknown or has been revoked.");
  if (!can(actor.role, "register:read")) throw new AppError("forbidden", `The ${actor.role} role may not read the register (needs register:read).`);
  return actor;
}
