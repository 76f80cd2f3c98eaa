import type { Actor, Clock, Ctx } from "../core/context.ts";
import type { Store } from "../core/ports/store.ts";
import type { SignedInSession } from "../core/users/sessions.ts";
import type { ScryptCost } from "../core/users/password.ts";

/** What the entries hand to createApp. */
export interface AppDeps {
  store: Store;
  clock?: Clock;
  /** Password hashing cost for new hashes; tests lower it, production keeps the default. */
  passwordCost?: ScryptCost;
  /**
   * Where people reach the service, e.g. https://dpa.example.com: customer
   * objection links in e-mails start with it. Defaults to the request's origin.
   */
  publicBaseUrl?: string;
}

/** Hono's typed per-request variables. */
export interface AppEnv {
  Variables: { actor: Actor; ctx: Ctx; session: SignedInSession };
}
