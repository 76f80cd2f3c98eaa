import type { Actor, Clock, Ctx } from "../core/context.ts";
import type { Store } from "../core/ports/store.ts";

/** What the entries hand to createApp. */
export interface AppDeps {
  store: Store;
  clock?: Clock;
}

/** Hono's typed per-request variables. */
export interface AppEnv {
  Variables: { actor: Actor; ctx: Ctx };
}
