import { createApp } from "../app.ts";
import { type CheckpointKeys, checkpointKeys } from "../core/audit/checkpoints.ts";
import { DAY_MS, EVIDENCE_ACTOR, runEvidenceTick } from "../core/audit/evidence-tick.ts";
import { LIFECYCLE_ACTOR, runLifecycle } from "../core/changes/run-lifecycle.ts";
import { makeCtx } from "../core/context.ts";
import { createD1Store } from "../storage/d1-store.ts";
import { consoleLogger } from "../http/middleware/request-log.ts";

export interface WorkerEnv {
  DB: D1Database;
  /** Where people reach the service (wrangler.toml [vars]); customer objection links and feed links start with it. */
  PUBLIC_BASE_URL?: string;
  /** The audit checkpoint signing key, a secret: `wrangler secret put CHECKPOINT_KEY` (README: Evidence). */
  CHECKPOINT_KEY?: string;
  /** Public keys of earlier signing keys still trusted (wrangler.toml [vars]), comma-separated. */
  CHECKPOINT_TRUSTED_KEYS?: string;
  /** The header whose well-formed value becomes the request id (wrangler.toml [vars]); default: Cloudflare's cf-ray. */
  REQUEST_ID_HEADER?: string;
}

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
  a.REQUEST_ID_HEADER === b.REQUEST_ID_HEADER;

async function appFor(env: WorkerEnv) {
  if (!built || !sameBindings(built.env, env)) {
    const app = createApp({
      store: createD1Store(env.DB),
      publicBaseUrl: env.PUBLIC_BASE_URL,
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

const keysOf = (env: WorkerEnv): Promise<CheckpointKeys> => checkpointKeys(env.CHECKPOINT_KEY, env.CHECKPOINT_TRUSTED_KEYS);

/** The Cloudflare Worker: the same app over D1 (migrations applied by wrangler). */
export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext) {
    return (await appFor(env)).fetch(request, env, ctx);
  },
  /**
   * The cron trigger in wrangler.toml: due changes take effect, reminders are
   * queued (mail is delivered by a Node instance), the chain is signed when it
   * has grown and the register is verified once a day.
   */
  async scheduled(_controller: ScheduledController, env: WorkerEnv, ctx: ExecutionContext) {
    const store = createD1Store(env.DB);
    ctx.waitUntil(
      runLifecycle(makeCtx(store, LIFECYCLE_ACTOR)).then((report) => {
        for (const failure of report.failed) console.error(`lifecycle: change ${failure.changeId} failed: ${failure.error}`);
      }),
    );
    ctx.waitUntil(
      keysOf(env)
        .then((keys) => runEvidenceTick(makeCtx(store, EVIDENCE_ACTOR), keys, { verifyEveryMs: DAY_MS }))
        .then(({ verification }) => {
          if (verification && !verification.ok)
            console.error(`evidence: the register does NOT verify: ${verification.problems.map((p) => p.message).join("; ")}`);
        }),
    );
  },
} satisfies ExportedHandler<WorkerEnv>;
