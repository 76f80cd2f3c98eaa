import { workerApp } from "./worker-app.ts";
import type { WorkerEnv } from "../platform/worker/worker-env.ts";
import { runScheduledWork } from "../platform/worker/scheduled-work.ts";

export type { WorkerEnv };

/** The Cloudflare Worker: the same app over D1 (migrations applied by wrangler). */
export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext) {
    return (await workerApp(env)).fetch(request, env, ctx);
  },
  /** The cron trigger in wrangler.toml (platform/worker/scheduled-work.ts). */
  async scheduled(_controller: ScheduledController, env: WorkerEnv, ctx: ExecutionContext) {
    runScheduledWork(env, ctx);
  },
} satisfies ExportedHandler<WorkerEnv>;
