import type { Transporter } from "nodemailer";
import { MailError, type Mailer } from "../../core/kernel/ports/mailer.ts";

export interface SmtpMailerOptions {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://… (TLS from the start). */
  url: string;
  /** The From address, e.g. `"DPA register" <privacy@example.com>`. */
  from: string;
}

/**
 * nodemailer's defaults wait up to 2 minutes to connect and 10 minutes on an
 * idle socket: a dead server would hold the delivery loop (and the claims'
 * leases) that long. Options in the URL's query string still win.
 */
const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000, dnsTimeout: 10_000 };

/** The Mailer port over SMTP: one connection per message, no pooling to go stale between runs. */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  // nodemailer (400 KiB of code) is loaded with the first message, not when the service starts.
  let transport: Promise<Transporter> | undefined;
  return {
    async send(message) {
      try {
        transport ??= import("nodemailer").then(({ createTransport }) => createTransport({ url: options.url, ...TIMEOUTS }));
        await (await transport).sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          ...(message.replyTo ? { replyTo: message.replyTo } : {}),
          messageId: `<${message.messageId}@dpa-register>`,
        });
      } catch (error) {
        throw toMailError(error);
      }
    },
  };
}

interface SmtpFailure {
  message?: string;
  code?: string;
  responseCode?: number;
}

/**
 * A 5xx reply is the server refusing this message for good (RFC 5321), except
 * 503, which only says the session was in the wrong state. An address
 * nodemailer itself refuses to send to (EENVELOPE with no reply) will not get
 * better either. Everything else (4xx, refused connections, timeouts, TLS
 * trouble) may pass on a later attempt.
 */
export function toMailError(error: unknown): MailError {
  const failure: SmtpFailure = typeof error === "object" && error !== null ? (error as SmtpFailure) : { message: String(error) };
  const reply = failure.responseCode;
  const permanent = reply !== undefined ? reply >= 500 && reply < 600 && reply !== 503 : failure.code === "EENVELOPE";
  // nodemailer's message already quotes the server's reply.
  return new MailError(`${failure.code ? `${failure.code}: ` : ""}${failure.message ?? "unknown error"}`, permanent, { cause: error });
}
