import type { Store } from "./ports/store.ts";
import type { WebhookPolicy } from "./ports/webhook-transport.ts";
import type { Role } from "./roles.ts";
import { timeOrderedId } from "./ids/time-ordered-id.ts";

/** Signs audit checkpoints with a key kept outside the database (kernel/audit/checkpoints.ts). */
export interface CheckpointSigner {
  keyId: string;
  publicKey: string;
  sign(message: Uint8Array): Promise<string>;
}

/** Who is acting: a token holder, a CLI operator or the system itself (demo data). */
export interface Actor {
  id: string;
  name: string;
  role: Role;
}

export interface Clock {
  now(): Date;
}

/** Everything a use case needs, passed explicitly so tests can control each part. */
export interface Ctx {
  store: Store;
  actor: Actor;
  clock: Clock;
  newId(): string;
  /**
   * Where customers reach the service (e.g. https://dpa.example.com): the
   * objection links in notice e-mails start with it. Unset where no request
   * or configuration gives one (demo loader, CLI, lifecycle): links then use
   * DEFAULT_PUBLIC_BASE_URL (core/changes/objection-link.ts).
   */
  publicBaseUrl?: string;
  /** Signs audit checkpoints (key outside the database); unset, exports carry no checkpoint. */
  checkpointSigner?: CheckpointSigner;
  /** Where webhooks may go (ports/webhook-transport.ts); unset, the strict default of core/webhooks. */
  webhookPolicy?: WebhookPolicy;
}

export const systemClock: Clock = { now: () => new Date() };

/** Time-ordered UUIDs (v7): list order is creation order, and ids are made before the write. */
export const newId = (): string => timeOrderedId();

export function makeCtx(store: Store, actor: Actor, clock: Clock = systemClock): Ctx {
  return { store, actor, clock, newId };
}

export const SYSTEM_ACTOR: Actor = { id: "system", name: "system", role: "admin" };
