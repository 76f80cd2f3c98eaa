import { type CheckpointKeys, checkpointKeys } from "../../core/kernel/audit/checkpoints.ts";

export interface WorkerEnv {
  DB: D1Database;
  /** Where people reach the service (wrangler.toml [vars]); customer objection links and feed links start with it. */
  PUBLIC_BASE_URL?: string;
  /** The audit checkpoint signing key, a secret: `wrangler secret put CHECKPOINT_KEY` (README: Evidence). */
  CHECKPOINT_KEY?: string;
  /** Public keys of earlier signing keys still trusted (wrangler.toml [vars]), comma-separated. */
  CHECKPOINT_TRUSTED_KEYS?: string;
  /** Days before an objection window's last day its customer is reminded (wrangler.toml [vars]); default 3, "0": never. */
  CUSTOMER_REMINDER_DAYS?: string;
  /** The header whose well-formed value becomes the request id (wrangler.toml [vars]); default: Cloudflare's cf-ray. */
  REQUEST_ID_HEADER?: string;
  /** The HTTP mail API the cron trigger delivers the outbox through ("postmark"; wrangler.toml [vars]); unset: mail stays queued. */
  MAIL_API?: string;
  /** Its server token, a secret: `wrangler secret put MAIL_API_TOKEN`. */
  MAIL_API_TOKEN?: string;
  /** Another base URL for the API (another region, a test sink); default: the provider's. */
  MAIL_API_URL?: string;
  /** The sender, e.g. `DPA register <privacy@example.com>` (wrangler.toml [vars]). */
  MAIL_FROM?: string;
  /** Where webhook endpoints may point (wrangler.toml [vars]; core/webhooks/endpoint-policy.ts). */
  WEBHOOK_SCHEMES?: string;
  WEBHOOK_HOSTS?: string;
  WEBHOOK_PRIVATE_ADDRESSES?: string;
}

export const keysOf = (env: WorkerEnv): Promise<CheckpointKeys> => checkpointKeys(env.CHECKPOINT_KEY, env.CHECKPOINT_TRUSTED_KEYS);
