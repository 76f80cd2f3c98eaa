import type { Context } from "hono";
import type { Actor, Clock } from "../../core/kernel/context.ts";
import { AppError } from "../../core/kernel/errors.ts";
import type { Store } from "../../core/kernel/ports/store.ts";
import { can } from "../../core/kernel/roles.ts";
import { readScope } from "../../core/kernel/remembered.ts";
import { authenticate } from "../../core/accounts/index.ts";

/**
 * Calendar clients subscribe to a URL and cannot send headers, so the token
 * may come as `?token=` (a Bearer header works too). Such a URL is stored in
 * calendar apps and may appear in proxy logs, so only a token of the calendar
 * role opens it: that role reads nothing else and writes nothing, and an
 * admin's token never ends up in a URL.
 */
export async function calendarActor(c: Context, store: Store, clock: Clock): Promise<Actor> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
  const secret = bearer ?? c.req.query("token");
  if (!secret) throw new AppError("unauthenticated", "Add ?token=<calendar token> to the calendar URL (a token of the calendar role).");
  const actor = await authenticate(readScope(store), secret, clock.now());
  if (!actor) throw new AppError("unauthenticated", "This API token is unknown or has been revoked.");
  if (!can(actor.role, "calendar:read")) {
    throw new AppError(
      "forbidden",
      `Only a token of the calendar role opens the calendar; this one is ${actor.role}. Create one: ./dev cli token create --role calendar --name "my calendar".`,
    );
  }
  return actor;
}
