import { createApp } from "../app.ts";
import { webhookPolicyOf } from "../core/webhooks/index.ts";
import { consoleLogger } from "../http/middleware/request-log.ts";
import { createD1Store } from "../platform/worker/d1-store.ts";
import { keysOf, type WorkerEnv } from "../platform/worker/worker-env.ts";

/**
 * The app is built once per isolate (and again only if the bindings change):
 * building it costs milliseconds, and its rate limits live in it.
 */
let built: { env: WorkerEnv; app: ReturnType<typeof createApp> } | null = null;

const sameBindings = (a: WorkerEnv, b: WorkerEnv) =>
  a.DB === b.DB &&
  a.PUBLIC_BASE_URL === b.PUBLIC_BASE_URL &&
  a.CHECKPOINT_KEY === b.CHECKPOINT_KEY &&
  a.CHECKPOINT_TRUSTED_KEYS === b.CHECKPOINT_TRUSTED_KEYS &&
  a.REQUEST_ID_HEADER === b.REQUEST_ID_HEADER &&
  a.WEBHOOK_SCHEMES === b.WEBHOOK_SCHEMES &&
  a.WEBHOOK_HOSTS === b.WEBHOOK_HOSTS &&
  a.WEBHOOK_PRIVATE_ADDRESSES === b.WEBHOOK_PRIVATE_ADDRESSES;

export async function workerApp(env: WorkerEnv) {
  if (!built || !sameBindings(built.env, env)) {
    const app = createApp({
      store: createD1Store(env.DB),
      publicBaseUrl: env.PUBLIC_BASE_URL,
      webhookPolicy: webhookPolicyOf(env),
      // Cloudflare puts the visitor's address in this header; the limits hold per isolate.
      clientAddress: (c) => c.req.header("cf-connecting-ip"),
      checkpoints: await keysOf(env),
      requestIdHeader: env.REQUEST_ID_HEADER ?? "cf-ray",
      // One JSON line per request in the Worker's logs (console.log; 5xx with their error on console.error).
      logger: consoleLogger,
    });
    built = { env, app };
  }
  return built.app;
}
