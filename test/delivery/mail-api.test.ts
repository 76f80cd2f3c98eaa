// The outbox delivered through a provider's HTTP mail API (Postmark's) instead of SMTP: what the
// Worker uses, and Node too when MAIL_API is set. Same deliverer, same rules: each message once,
// a refusal of the message fails it, an outage or a bad token is retried later.
import { describe, expect, it } from "vitest";
import { configuredHttpMailer, createHttpMailer, postmarkApi } from "../../src/platform/mail-api/http-mailer.ts";
import { type MailApiSink, startMailApiSink } from "../helpers/mail-api-sink.ts";
import { cleanups, deliver, DUTCH_SUBJECT, FROM, MINUTE, queue, rowOf, useOutboxWorld } from "./outbox-world.ts";

useOutboxWorld();

async function apiSink(): Promise<MailApiSink> {
  const started = await startMailApiSink();
  cleanups.push(() => started.stop());
  return started;
}

const mailerFor = (sink: MailApiSink | string) =>
  createHttpMailer({ api: postmarkApi({ token: "server-token", baseUrl: typeof sink === "string" ? sink : sink.url }), from: FROM });

describe("the outbox through Postmark's email API", () => {
  it("sends each due message once, in the API's shape, with both bodies and its Message-ID", async () => {
    const sink = await apiSink();
    const first = await queue({ subject: DUTCH_SUBJECT });
    const second = await queue();
    expect(await deliver(mailerFor(sink))).toEqual({ sent: 2, retried: 0, failed: 0 });
    expect(sink.received).toHaveLength(2);
    const [mail] = sink.received;
    expect(mail?.token).toBe("server-token");
    expect(mail?.body).toMatchObject({
      From: FROM,
      To: first.recipient,
      Subject: DUTCH_SUBJECT,
      TextBody: first.body,
      MessageStream: "outbound",
      Headers: [{ Name: "Message-ID", Value: `<${first.id}@dpa-register>` }],
    });
    expect(String(mail?.body.HtmlBody)).toContain("<html");
    expect((await rowOf(first.id)).status).toBe("sent");
    expect((await rowOf(second.id)).status).toBe("sent");
    // Nothing is due any more: a second run sends nothing.
    expect(await deliver(mailerFor(sink))).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(sink.received).toHaveLength(2);
  });

  it("fails a message the API refuses (422) at once, and tries again later after an outage (500) or a bad token (401)", async () => {
    const sink = await apiSink();
    sink.answerNext(422, 500, 401);
    const refused = await queue();
    const outage = await queue();
    const token = await queue();
    expect(await deliver(mailerFor(sink))).toEqual({ sent: 0, retried: 2, failed: 1 });
    const failed = await rowOf(refused.id);
    expect(failed.status).toBe("failed");
    expect(failed.lastError).toContain("postmark answered 422");
    for (const id of [outage.id, token.id]) {
      const row = await rowOf(id);
      expect(row.status).toBe("pending");
      expect(row.attempts).toBe(1);
      expect(Date.parse(row.nextAttemptAt)).toBeGreaterThan(Date.parse(refused.nextAttemptAt));
    }
    expect(sink.received).toEqual([]);
  });

  it("tries again later when the API cannot be reached", async () => {
    const sink = await apiSink();
    const closed = sink.url;
    await sink.stop();
    const queued = await queue();
    expect(await deliver(mailerFor(closed))).toEqual({ sent: 0, retried: 1, failed: 0 });
    const row = await rowOf(queued.id);
    expect(row.status).toBe("pending");
    expect(row.lastError).toContain("postmark:");
    expect(Date.parse(row.nextAttemptAt) - Date.parse(queued.nextAttemptAt)).toBeGreaterThanOrEqual(MINUTE / 60);
  });
});

describe("the configuration of a mail API", () => {
  it("is none without MAIL_API, and refuses an unknown provider or a missing token or sender", () => {
    expect(configuredHttpMailer({})).toBeNull();
    expect(() => configuredHttpMailer({ MAIL_API: "sendmail", MAIL_API_TOKEN: "t", MAIL_FROM: FROM })).toThrow(
      /not a known mail API \(known: postmark\)/,
    );
    expect(() => configuredHttpMailer({ MAIL_API: "postmark", MAIL_FROM: FROM })).toThrow(/needs MAIL_API_TOKEN/);
    expect(() => configuredHttpMailer({ MAIL_API: "postmark", MAIL_API_TOKEN: "t" })).toThrow(/needs MAIL_FROM/);
    expect(configuredHttpMailer({ MAIL_API: "postmark", MAIL_API_TOKEN: "t", MAIL_FROM: FROM })).not.toBeNull();
  });
});
