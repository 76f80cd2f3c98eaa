import { createApp } from "../app.ts";
import { LIFECYCLE_ACTOR, runLifecycle } from "../core/changes/run-lifecycle.ts";
import { makeCtx } from "../core/context.ts";
import { createD1Store } from "../storage/d1-store.ts";

export interface WorkerEnv {
  DB: D1Database;
  /** Where people reach the service (wrangler.toml [vars]); customer objection links and feed links start with it. */
  PUBLIC_BASE_URL?: string;
}

/**
 * The app is built once per isolate (and again only if the bindings change):
 * building it costs milliseconds, and its rate limits live in it.
 */
let built: { env: WorkerEnv; app: ReturnType<typeof createApp> } | null = null;

function appFor(env: WorkerEnv) {
  if (built?.env.DB !== env.DB || built.env.PUBLIC_BASE_URL !== env.PUBLIC_BASE_URL) {
    const app = createApp({
      store: createD1Store(env.DB),
      publicBaseUrl: env.PUBLIC_BASE_URL,
      // Cloudflare puts the visitor's address in this header; the limits hold per isolate.
      clientAddress: (c) => c.req.header("cf-connecting-ip"),
    });
    built = { env, app };
  }
  return built.app;
}

/** The Cloudflare Worker: the same app over D1 (migrations applied by wrangler). */
export default {
  fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext) {
    return appFor(env).fetch(request, env, ctx);
  },
  /** The cron trigger in wrangler.toml: due changes take effect, reminders are queued (mail is delivered by a Node instance). */
  async scheduled(_controller: ScheduledController, env: WorkerEnv, ctx: ExecutionContext) {
    ctx.waitUntil(
      runLifecycle(makeCtx(createD1Store(env.DB), LIFECYCLE_ACTOR)).then((report) => {
        for (const failure of report.failed) console.error(`lifecycle: change ${failure.changeId} failed: ${failure.error}`);
      }),
    );
  },
} satisfies ExportedHandler<WorkerEnv>;
