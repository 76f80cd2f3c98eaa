import { execFileSync } from "node:child_process";
import { resolve as resolvePath } from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { startMailApiSink } from "./test/helpers/mail-api-sink.ts";
import { startWebhookReceiver } from "./test/helpers/webhook-receiver.ts";

/** Base64url of 32 fixed bytes: the Worker's checkpoint signing key in these suites only. */
const WORKER_TEST_CHECKPOINT_KEY = "d29ya2VyLXRlc3QtY2hlY2twb2ludC1rZXktMzJieXQ";

// Suites that run inside workerd with a local D1 database, as the Worker does.
export default defineConfig(async () => {
  const migrations = await readD1Migrations("db/migrations");
  // The HTTP mail API the cron trigger delivers to in test/workers/mail-api.test.ts: a server in this
  // (Node) process, which workerd reaches over the loopback. Unreferenced, so it ends with the run.
  const mailSink = await startMailApiSink();
  mailSink.unref();
  // The webhook receiver test/workers/webhooks.test.ts's cron triggers deliver to, the same way.
  const webhookReceiver = await startWebhookReceiver();
  webhookReceiver.unref();
  // The same documents rendered on Node, to compare with workerd's bytes.
  const reference = JSON.parse(execFileSync(process.execPath, ["test/workers/reference-documents.ts"], { encoding: "utf8" })) as Record<
    string,
    string
  >;
  // A register exported on Node (signed with the suites' key), for the Worker to import over D1 and export again.
  const registerExport = JSON.parse(
    execFileSync(process.execPath, ["test/workers/register-export-fixture.ts", WORKER_TEST_CHECKPOINT_KEY], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    }),
  ) as {
    text: string;
    adminToken: string;
    exports: { id: string; asOf: string; sha256: string }[];
    bootstrap: { sql: string; token: string };
  };
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: "./wrangler.toml" },
        // A fixed checkpoint key for the tests, as `wrangler secret put CHECKPOINT_KEY` gives a deployed Worker.
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            NODE_REFERENCE: reference,
            CHECKPOINT_KEY: WORKER_TEST_CHECKPOINT_KEY,
            MAIL_SINK_URL: mailSink.url,
            WEBHOOK_RECEIVER_URL: webhookReceiver.url,
            REGISTER_EXPORT: registerExport,
          },
        },
      }),
    ],
    // date-holidays requires moment-timezone, which requires "moment"; the pool would resolve that to
    // moment's ES build and load it as CommonJS (moment/moment-timezone#449). wrangler's bundler is fine.
    // And the deployed Worker's own stand-ins (wrangler.toml [alias]) for what the documents would
    // otherwise carry, so these suites render with what the Worker runs.
    resolve: {
      alias: [
        { find: /^moment$/, replacement: "moment/moment.js" },
        { find: /^js-md5$/, replacement: resolvePath("src/platform/worker/md5-noble.ts") },
        { find: /^\.\/generated\/decode-data-html\.js$/, replacement: resolvePath("src/platform/worker/no-html-entities.ts") },
      ],
    },
    test: { include: ["test/workers/**/*.test.ts"], testTimeout: 30_000 },
  };
});
