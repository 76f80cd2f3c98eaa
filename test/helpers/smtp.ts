import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { ROOT, tempDir } from "../node/helpers.ts";

/** A message as test/helpers/smtp-sink.ts wrote it down. */
export interface Received {
  messageId: string | null;
  from: string | null;
  to: string[];
  subject: string | null;
  /** The body, transfer encoding undone, line ends as \n. */
  text: string;
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
  /** Polls the sink's file until it holds at least `count` messages. */
  waitForMessages(count: number, timeoutMs?: number): Promise<Received[]>;
  stop(): Promise<void>;
}

/** Starts the sink as a separate process on a port of its choosing. */
export function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const file = join(tempDir(), "received.jsonl");
  const env: Record<string, string> = { ...process.env } as Record<string, string>;
  if (options.tempFailFirst) env.SMTP_SINK_TEMPFAIL_FIRST = String(options.tempFailFirst);
  if (options.rejectRecipients) env.SMTP_SINK_REJECT_RCPT = options.rejectRecipients.source;
  const child = spawn(process.execPath, [join(ROOT, "test/helpers/smtp-sink.ts"), "0", file], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });

  const messages = (): Received[] => {
    if (!existsSync(file)) return [];
    // Only whole lines: the sink may be half-way through appending one.
    const lines = readFileSync(file, "utf8").split("\n").slice(0, -1);
    return lines.map((line) => JSON.parse(line) as Received);
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.on("close", () => resolve());
      child.kill("SIGTERM");
    });

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
        async waitForMessages(count, timeoutMs = 5_000) {
          const deadline = Date.now() + timeoutMs;
          for (;;) {
            const received = messages();
            if (received.length >= count) return received;
            if (Date.now() > deadline) throw new Error(`expected ${count} messages, the sink has ${received.length}`);
            await sleep(20);
          }
        },
        stop,
      });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`smtp-sink exited with ${code} before it was ready:\n${output}`)));
  });
}
