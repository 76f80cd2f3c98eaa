import { createApp } from "../app.ts";
import { createD1Store } from "../storage/d1-store.ts";

export interface WorkerEnv {
  DB: D1Database;
}

/** The Cloudflare Worker: the same app over D1 (migrations applied by wrangler). */
export default {
  fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext) {
    return createApp({ store: createD1Store(env.DB) }).fetch(request, env, ctx);
  },
} satisfies ExportedHandler<WorkerEnv>;
