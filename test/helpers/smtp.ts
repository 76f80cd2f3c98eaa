import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, stopChild, tempDir } from "../node/helpers.ts";
import { onCleanup } from "./cleanup.ts";
import { PATIENCE_MS, waitFor } from "./wait.ts";

/** A message as test/helpers/smtp-sink.ts wrote it down. */
export interface Received {
  messageId: string | null;
  from: string | null;
  to: string[];
  subject: string | null;
  /** The Reply-To addresses. */
  replyTo: string[];
  /** The top-level content type, e.g. multipart/alternative. */
  contentType: string | null;
  /** The plain-text part, transfer encoding undone, line ends as \n. */
  text: string;
  /** The HTML part, if the message has one. */
  html: string | null;
  raw: string;
}

export interface SmtpSinkOptions {
  /** Answer 451 to this many messages before accepting any. */
  tempFailFirst?: number;
  /** Answer 550 to recipients matching this. */
  rejectRecipients?: RegExp;
}

export interface SmtpSink {
  port: number;
  url: string;
  messages(): Received[];
  /** Polls the sink's file until it holds at least `count` messages (by default for up to PATIENCE_MS). */
  waitForMessages(count: number, timeoutMs?: number): Promise<Received[]>;
  stop(): Promise<void>;
}

/**
 * Starts the sink as a separate process on a port of its choosing. It is
 * registered with test/helpers/cleanup.ts, so a test file calling
 * `stopStartedAfterEach()` (or its own `stop()`) never leaves it running.
 */
export function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const file = join(tempDir(), "received.jsonl");
  const env: Record<string, string> = { ...process.env } as Record<string, string>;
  if (options.tempFailFirst) env.SMTP_SINK_TEMPFAIL_FIRST = String(options.tempFailFirst);
  if (options.rejectRecipients) env.SMTP_SINK_REJECT_RCPT = options.rejectRecipients.source;
  const child = spawn(process.execPath, [join(ROOT, "test/helpers/smtp-sink.ts"), "0", file], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });

  const messages = (): Received[] => {
    if (!existsSync(file)) return [];
    // Only whole lines: the sink may be half-way through appending one.
    const lines = readFileSync(file, "utf8").split("\n").slice(0, -1);
    return lines.map((line) => JSON.parse(line) as Received);
  };
  const stop = async () => {
    await stopChild(child, "SIGTERM");
  };
  onCleanup(stop);

  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /smtp-sink listening on (\d+)/.exec(output);
      if (!ready) return;
      const port = Number(ready[1]);
      resolve({
        port,
        url: `smtp://127.0.0.1:${port}`,
        messages,
        waitForMessages: (count, timeoutMs = PATIENCE_MS) =>
          waitFor(
            () => {
              const received = messages();
              return received.length >= count && received;
            },
            { timeoutMs, what: () => `${count} messages in the SMTP sink (it has ${messages().length})`, intervalMs: 20 },
          ),
        stop,
      });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`smtp-sink exited with ${code} before it was ready:\n${output}`)));
  });
}
