import { createApp } from "../app.ts";
import { LIFECYCLE_ACTOR, runLifecycle } from "../core/changes/run-lifecycle.ts";
import { makeCtx } from "../core/context.ts";
import { createD1Store } from "../storage/d1-store.ts";

export interface WorkerEnv {
  DB: D1Database;
  /** Where people reach the service; customer objection links in e-mails start with it (default: the request's origin). */
  PUBLIC_BASE_URL?: string;
}

/** The Cloudflare Worker: the same app over D1 (migrations applied by wrangler). */
export default {
  fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext) {
    return createApp({ store: createD1Store(env.DB), publicBaseUrl: env.PUBLIC_BASE_URL }).fetch(request, env, ctx);
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
