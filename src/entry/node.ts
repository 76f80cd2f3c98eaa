import { serve } from "@hono/node-server";
import { createApp } from "../app.ts";
import { readConfig } from "../config.ts";
import { hasNoWayIn, openStore, seedDemoIfEmpty } from "./bootstrap.ts";
import { startEvidenceScheduler, startLifecycleScheduler } from "./lifecycle-scheduler.ts";
import { nodeCheckpointKeys } from "./checkpoint-key.ts";
import { clientAddressOf } from "./client-address.ts";
import { nodeKdf } from "./node-kdf.ts";
import type { Logger } from "../http/middleware/request-log.ts";
import { startOutboxDelivery } from "../delivery/outbox-loop.ts";
import { createSmtpMailer } from "../delivery/smtp-mailer.ts";
import { createSqliteStore } from "../storage/sqlite-store.ts";

const config = readConfig(process.env);
const store = openStore(config.DATABASE_PATH);
if (config.DEMO_DATA) {
  const seeded = await seedDemoIfEmpty(store, (demo) => {
    console.log("Loading the ClearFacts demo register; its credentials are valid once it has loaded:");
    console.log(`Demo admin API token (shown once, keep it): ${demo.token}`);
    console.log(`Demo admin sign-in (shown once): ${demo.email} / ${demo.password}`);
  });
  if (seeded === "loaded") console.log(`Loaded the ClearFacts demo register into ${config.DATABASE_PATH}.`);
}
if (await hasNoWayIn(store)) {
  console.log(
    `Nobody can sign in to the register at ${config.DATABASE_PATH} yet: create the first admin with ./dev cli user create --email … --name …`,
  );
}

const checkpoints = await nodeCheckpointKeys(config, { create: true, log: (line) => console.log(line) });
const app = createApp({
  store,
  checkpoints,
  publicBaseUrl: config.PUBLIC_BASE_URL,
  passwordKdf: nodeKdf(1),
  rateLimits: {
    signInPerAddress: config.RATE_SIGN_IN_PER_ADDRESS,
    signInPerAccount: config.RATE_SIGN_IN_PER_ACCOUNT,
    objectionsPerLink: config.RATE_OBJECTIONS_PER_LINK,
  },
  clientAddress: clientAddressOf(config.CLIENT_ADDRESS_HEADER),
  requestIdHeader: config.REQUEST_ID_HEADER,
  // One JSON line per request on stdout; requests that failed (5xx), with their error, on stderr.
  logger: { info: (line) => process.stdout.write(`${line}\n`), error: (line) => process.stderr.write(`${line}\n`) } satisfies Logger,
  // Spreadsheet imports are checked in a scratch copy of the register, in memory.
  scratchStore: () => createSqliteStore(":memory:"),
});
const lifecycle = startLifecycleScheduler({ store, intervalMs: config.LIFECYCLE_INTERVAL_SECONDS * 1000 });
const evidence = startEvidenceScheduler({
  store,
  keys: checkpoints,
  intervalMs: config.CHECKPOINT_INTERVAL_SECONDS * 1000,
  verifyEveryMs: config.VERIFY_INTERVAL_HOURS * 3600 * 1000,
});
const delivery = config.SMTP_URL
  ? startOutboxDelivery({
      store,
      mailer: createSmtpMailer({ url: config.SMTP_URL, from: config.MAIL_FROM }),
      intervalMs: config.OUTBOX_INTERVAL_SECONDS * 1000,
    })
  : null;
if (!delivery) console.log("SMTP_URL is not set: e-mails stay queued in the outbox (GET /api/v1/outbox).");
const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  console.log(`DPA register listening on http://${config.HOST}:${info.port} (database ${config.DATABASE_PATH})`);
  console.log(`API reference: http://${config.HOST}:${info.port}/api/reference`);
  console.log(`Admin UI: ${config.PUBLIC_BASE_URL}/admin`);
});

function shutdown() {
  server.close(async () => {
    await Promise.all([lifecycle.stop(), evidence.stop(), delivery?.stop()]);
    store.close();
    process.exit(0);
  });
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
