import type { Ctx } from "../kernel/context.ts";
import { appSecret, readAppSecret } from "../kernel/secrets/app-secrets.ts";
import { publicBaseUrl } from "../kernel/public-base-url.ts";
import { linkSignatureValid, linkSigner } from "../kernel/secrets/link-signature.ts";

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

/** Signs subscribers' links (making the key on first use: call it before the atomic write that queues the e-mails). */
export async function subscriptionLinks(ctx: Ctx): Promise<(subscriberId: string) => string> {
  const sign = linkSigner(await appSecret(ctx.store, ctx.clock, SUBSCRIPTION_LINK_SECRET), PURPOSE);
  const base = publicBaseUrl(ctx);
  return (id) => `${base}${SUBSCRIPTION_PATH}${id}.${sign(id)}`;
}

/** The subscriber id a token was signed for, or null. */
export async function subscriberOfToken(ctx: Ctx, token: string): Promise<string | null> {
  const parts = TOKEN.exec(token);
  if (!parts) return null;
  const secret = await readAppSecret(ctx.store.db, SUBSCRIPTION_LINK_SECRET);
  const id = parts[1] as string;
  return secret && (await linkSignatureValid(secret, PURPOSE, id, parts[2] as string)) ? id : null;
}
