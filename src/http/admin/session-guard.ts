import type { MiddlewareHandler } from "hono";
import type { CheckpointSigner } from "../../core/kernel/audit/checkpoints.ts";
import { type Clock, makeCtx } from "../../core/kernel/context.ts";
import { AppError } from "../../core/kernel/errors.ts";
import type { Store } from "../../core/kernel/ports/store.ts";
import { findSession } from "../../core/accounts/index.ts";
import type { AppEnv } from "../env.ts";
import { clearSessionCookie, readSessionCookie } from "./session-cookie.ts";
import { useUserLanguage } from "./ui/ui-language.ts";

/** Admin paths reached without a session: everything else under /admin needs one (deny by default). */
export const SIGN_IN_PATH = "/admin/sign-in";

/** Loads the signed-in user from the session cookie; without a live session, the answer is the sign-in page (401). */
export function sessionGuard(store: Store, clock: Clock, checkpointSigner?: CheckpointSigner): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.path === SIGN_IN_PATH) return next();
    const secret = readSessionCookie(c);
    const session = secret ? await findSession(store, clock, secret) : null;
    if (!session) {
      if (secret) clearSessionCookie(c);
      throw new AppError("unauthenticated", secret ? "Your session has ended. Please sign in again." : "Please sign in to continue.");
    }
    c.set("session", session);
    useUserLanguage(session.user.language);
    c.set("actor", session.actor);
    c.set("ctx", { ...makeCtx(store, session.actor, clock), checkpointSigner });
    return next();
  };
}
