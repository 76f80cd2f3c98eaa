import type { CheckpointKeys } from "../core/kernel/audit/checkpoints.ts";
import type { Actor, Clock, Ctx } from "../core/kernel/context.ts";
import type { Store } from "../core/kernel/ports/store.ts";
import type { WebhookPolicy } from "../core/webhooks/index.ts";
import type { ReadScope } from "../core/kernel/remembered.ts";
import type { ScratchStoreFactory } from "../core/kernel/ports/scratch-store.ts";
import type { Kdf, ScryptCost, SignedInSession } from "../core/accounts/index.ts";
import type { Context } from "hono";
import type { RateLimits, RequestLimits } from "./middleware/rate-limit.ts";
import type { Logger } from "./middleware/request-log.ts";

/** What the entries hand to createApp. */
export interface AppDeps {
  store: Store;
  clock?: Clock;
  /** Password hashing cost for new hashes; tests lower it, production keeps the default. */
  passwordCost?: ScryptCost;
  /**
   * Where people reach the service, e.g. https://dpa.example.com: customer
   * objection links in e-mails and the Atom feed's links start with it, never
   * with a request's Host. Defaults to http://localhost:3000.
   */
  publicBaseUrl?: string;
  /** Days before an objection window's last day its customer is reminded (0: never); default 3 (core/changes WINDOW_REMINDER_DAYS). */
  windowReminderDays?: number;
  /** scrypt for sign-ins; the Node entry passes node:crypto's (see entry/node-kdf.ts). */
  passwordKdf?: Kdf;
  /** Limits on sign-in attempts and customer objections (defaults in http/middleware/rate-limit.ts). */
  rateLimits?: Partial<RateLimits>;
  /** The client's address for rate limits: the Node entry reads the connection, the Worker Cloudflare's header. */
  clientAddress?: (c: Context) => string | undefined;
  /** Empty in-memory registers for checking spreadsheet imports (core/onboarding); without it, imports are refused. */
  scratchStore?: ScratchStoreFactory;
  /**
   * The audit checkpoint keys (core/audit/checkpoints.ts): exports are signed
   * with the signer, verification trusts the listed public keys. Without
   * them, nothing is signed and checkpoints are not trusted.
   */
  checkpoints?: CheckpointKeys;
  /**
   * A header set by a trusted proxy whose well-formed value becomes the
   * request id (the Worker: Cloudflare's cf-ray); unset, every id is generated.
   */
  requestIdHeader?: string;
  /** Where the one JSON line per request goes; without it (tests) requests are not logged and errors go to stderr. */
  logger?: Logger;
  /**
   * The request body's bytes as the platform received them, when it can give
   * them more cheaply than a WHATWG Request (the Node entry: the
   * IncomingMessage). Without it, or when it answers undefined, bodies are read
   * through Hono's request.
   */
  rawBody?: RawBody;
  /** Where webhook endpoints may point (core/webhooks); unset, https to public hosts only. */
  webhookPolicy?: WebhookPolicy;
}

/** Reads a request's body up to `maxBytes`, or answers undefined when this platform cannot (see AppDeps.rawBody). */
export type RawBody = (c: Context, maxBytes: number) => Promise<{ bytes: Uint8Array } | { tooLarge: true }> | undefined;

/** What createApp builds once from AppDeps and hands to the routes. */
export type AppWiring = AppDeps & { clock: Clock; limits: RequestLimits; publicBaseUrl: string };

/** Hono's typed per-request variables. */
export interface AppEnv {
  /** `reads`: the request's view of the register for remembered reads (kernel/remembered.ts), set with the actor. */
  Variables: { actor: Actor; ctx: Ctx; session: SignedInSession; requestId: string; reads: ReadScope };
}
