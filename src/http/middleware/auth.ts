import type { MiddlewareHandler } from "hono";
import type { CheckpointSigner } from "../../core/kernel/audit/checkpoints.ts";
import { type Clock, makeCtx } from "../../core/kernel/context.ts";
import { AppError } from "../../core/kernel/errors.ts";
import type { Store } from "../../core/kernel/ports/store.ts";
import { readScope } from "../../core/kernel/remembered.ts";
import { can, type Permission } from "../../core/kernel/roles.ts";
import { authenticate } from "../../core/accounts/index.ts";
import type { AppEnv } from "../env.ts";

/** Bearer-token authentication: nothing past it runs without a valid, unrevoked token. */
export function bearerAuth(store: Store, clock: Clock, checkpointSigner?: CheckpointSigner): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new AppError("unauthenticated", "Send an API token: Authorization: Bearer <token>.");
    const reads = readScope(store);
    const actor = await authenticate(reads, match[1], clock.now());
    if (!actor) throw new AppError("unauthenticated", "This API token is unknown or has been revoked.");
    c.set("actor", actor);
    c.set("reads", reads);
    c.set("ctx", { ...makeCtx(store, actor, clock), checkpointSigner });
    await next();
  };
}

/** Per-route authorisation; the OpenAPI document lists each route's permission. */
export function requirePermission(permission: Permission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get("actor");
    if (!can(actor.role, permission)) {
      throw new AppError("forbidden", `The ${actor.role} role may not do this (needs ${permission}).`);
    }
    await next();
  };
}
