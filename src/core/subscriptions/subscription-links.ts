import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import type { Ctx } from "../kernel/context.ts";
import { appSecret, readAppSecret } from "../kernel/secrets/app-secrets.ts";
import { fromBase64url, toBase64url } from "../kernel/secrets/base64url.ts";

/**
 * A subscriber's own link: `/public/subscriptions/<id>.<signature>`, an
 * HMAC-SHA256 over the subscriber's id with a key of its own. It confirms
 * the subscription and, in every later e-mail, lets its owner unsubscribe:
 * nothing about it is stored, so it can be made again for each e-mail, and it
 * dies with the subscription (the id no longer exists).
 */
export const SUBSCRIPTION_LINK_SECRET = "subscription-links";
export const SUBSCRIPTION_PATH = "/public/subscriptions/";
const PURPOSE = "subscription-link/v1:";
const TOKEN = /^([0-9A-Za-z-]{1,64})\.([A-Za-z0-9_-]{43})$/;
const encoder = new TextEncoder();

const baseOf = (ctx: Ctx) => (ctx.publicBaseUrl ?? "http://localhost:3000").replace(/\/+$/, "");

/** Signs subscribers' links (making the key on first use: call it before the atomic write that queues the e-mails). */
export async function subscriptionLinks(ctx: Ctx): Promise<(subscriberId: string) => string> {
  const keyed = hmac.create(sha256, await appSecret(ctx.store, ctx.clock, SUBSCRIPTION_LINK_SECRET));
  const base = baseOf(ctx);
  return (id) =>
    `${base}${SUBSCRIPTION_PATH}${id}.${toBase64url(
      keyed
        .clone()
        .update(encoder.encode(`${PURPOSE}${id}`))
        .digest(),
    )}`;
}

/** The subscriber id a token was signed for, or null (crypto.subtle.verify compares in constant time). */
export async function subscriberOfToken(ctx: Ctx, token: string): Promise<string | null> {
  const parts = TOKEN.exec(token);
  const signature = parts ? fromBase64url(parts[2] as string) : null;
  if (!parts || !signature || signature.length !== 32) return null;
  const secret = await readAppSecret(ctx.store.db, SUBSCRIPTION_LINK_SECRET);
  if (!secret) return null;
  const key = await crypto.subtle.importKey("raw", secret, { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
  const id = parts[1] as string;
  return (await crypto.subtle.verify("HMAC", key, signature, encoder.encode(`${PURPOSE}${id}`))) ? id : null;
}
