import { webhookPolicyOf } from "../core/webhooks/index.ts";
import { serve } from "@hono/node-server";
import { createApp } from "../app.ts";
import type { Config } from "../config.ts";
import { turnBatchedAnswers } from "./node-response-batching.ts";
import { stdioLogger } from "./node-logger.ts";
import { announceStart } from "../platform/node/start-messages.ts";
import { nodeCheckpointKeys } from "../platform/node/checkpoint-key.ts";
import { clientAddressOf } from "../platform/node/client-address.ts";
import { incomingBodyOf } from "./node-request-body.ts";
import { nodeKdf } from "../platform/node/node-kdf.ts";
import { startBackgroundWork } from "../platform/node/background-work.ts";
import { createSqliteStore } from "../platform/node/sqlite-store.ts";
import { openStore } from "../platform/node/bootstrap.ts";

/** One JSON line per request on stdout; requests that failed (5xx), with their error, on stderr. */

/** The Node service: the database, the app, the schedulers and the HTTP server; `shutdown` stops them in order. */
export async function startNodeService(config: Config): Promise<{ shutdown: () => void }> {
  // The service writes on a thread of its own: requests are served while a batch commits.
  const store = openStore(config.DATABASE_PATH, { writerThread: true });
  await announceStart(store, config);
  const checkpoints = await nodeCheckpointKeys(config, { create: true, log: (line) => console.log(line) });
  const app = createApp({
    store,
    checkpoints,
    publicBaseUrl: config.PUBLIC_BASE_URL,
    webhookPolicy: webhookPolicyOf(config),
    windowReminderDays: config.CUSTOMER_REMINDER_DAYS,
    passwordKdf: nodeKdf(1),
    rateLimits: {
      signInPerAddress: config.RATE_SIGN_IN_PER_ADDRESS,
      signInPerAccount: config.RATE_SIGN_IN_PER_ACCOUNT,
      objectionsPerLink: config.RATE_OBJECTIONS_PER_LINK,
      subscriptionsPerAddress: config.RATE_SUBSCRIPTIONS_PER_ADDRESS,
    },
    clientAddress: clientAddressOf(config.CLIENT_ADDRESS_HEADER),
    rawBody: incomingBodyOf,
    requestIdHeader: config.REQUEST_ID_HEADER,
    logger: stdioLogger(),
    // Spreadsheet imports are checked in a scratch copy of the register, in memory.
    scratchStore: () => createSqliteStore(":memory:"),
  });
  const background = startBackgroundWork(store, checkpoints, config);
  const server = serve(
    // Answers of one event-loop turn are written together (node-response-batching.ts).
    { fetch: app.fetch, port: config.PORT, hostname: config.HOST, serverOptions: turnBatchedAnswers },
    (info) => {
      console.log(`DPA register listening on http://${config.HOST}:${info.port} (database ${config.DATABASE_PATH})`);
      console.log(`API reference: http://${config.HOST}:${info.port}/api/reference`);
      console.log(`Admin UI: ${config.PUBLIC_BASE_URL}/admin`);
    },
  );
  const shutdown = () =>
    server.close(async () => {
      await background.stop();
      store.close();
      process.exit(0);
    });
  return { shutdown };
}
