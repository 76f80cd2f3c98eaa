import { MailError, type MailMessage, type Mailer } from "../../core/kernel/ports/mailer.ts";

/**
 * A mail provider's JSON API, provider-neutral: how one outbox message becomes
 * the provider's request. The answer is read the same way for every provider
 * (`classify`): the mailer only needs to know whether it was accepted, and if
 * not, whether asking again can help.
 */
export interface MailApi {
  readonly name: string;
  request(message: MailMessage, from: string): { url: string; headers: Record<string, string>; body: unknown };
}

/**
 * Postmark's single-message API (POST /email, https://postmarkapp.com/developer/api/email-api):
 * the server token in X-Postmark-Server-Token, both bodies, Reply-To, and the outbox id as the
 * Message-ID, as the SMTP mailer sends it.
 */
export function postmarkApi(options: { token: string; baseUrl?: string }): MailApi {
  const base = (options.baseUrl ?? "https://api.postmarkapp.com").replace(/\/+$/, "");
  return {
    name: "postmark",
    request(message, from) {
      return {
        url: `${base}/email`,
        headers: { accept: "application/json", "content-type": "application/json", "x-postmark-server-token": options.token },
        body: {
          From: from,
          To: message.to,
          Subject: message.subject,
          TextBody: message.text,
          HtmlBody: message.html,
          ...(message.replyTo ? { ReplyTo: message.replyTo } : {}),
          MessageStream: "outbound",
          Headers: [{ Name: "Message-ID", Value: `<${message.messageId}@dpa-register>` }],
        },
      };
    },
  };
}

/** The providers a deployment can name in MAIL_API. */
export const MAIL_APIS: Record<string, (options: { token: string; baseUrl?: string }) => MailApi> = { postmark: postmarkApi };

/**
 * What an HTTP status means for the outbox. 2xx: accepted. A refusal of this
 * message (400, 413, 422: a bad address, an inactive recipient, a body too
 * large) will be repeated, so it fails the message at once. Everything else is
 * tried again later: 401 and 403 are the deployment's token, which someone will
 * fix, 408 and 429 ask for patience, 5xx is the provider's outage. Mail must
 * not be lost to a configuration or an outage.
 */
export function classify(status: number): "accepted" | "permanent" | "transient" {
  if (status >= 200 && status < 300) return "accepted";
  if ([400, 413, 422].includes(status)) return "permanent";
  return "transient";
}

/** How long one request may take: well inside the outbox claim's lease. */
const TIMEOUT_MS = 30_000;

/** The Mailer port over a provider's JSON API, with the runtime's fetch: on Node and in the Worker alike. */
export function createHttpMailer(options: { api: MailApi; from: string; fetch?: typeof fetch }): Mailer {
  const send = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  return {
    async send(message) {
      const { url, headers, body } = options.api.request(message, options.from);
      let response: Response;
      try {
        response = await send(url, { method: "POST", headers, body: JSON.stringify(body), signal: AbortSignal.timeout(TIMEOUT_MS) });
      } catch (error) {
        throw new MailError(`${options.api.name}: ${error instanceof Error ? error.message : String(error)}`, false, { cause: error });
      }
      const outcome = classify(response.status);
      if (outcome === "accepted") {
        await response.body?.cancel();
        return;
      }
      // The provider's own words, for the outbox page's "why it failed".
      const detail = (await response.text().catch(() => "")).slice(0, 500);
      throw new MailError(`${options.api.name} answered ${response.status}: ${detail}`, outcome === "permanent");
    },
  };
}

/**
 * The HTTP mailer a deployment configured (MAIL_API, MAIL_API_TOKEN, MAIL_FROM and, for another
 * region or a test, MAIL_API_URL), or null when it configured none. An unknown provider is an error:
 * a typo must not leave mail queued without anyone noticing.
 */
export function configuredHttpMailer(config: {
  MAIL_API?: string;
  MAIL_API_TOKEN?: string;
  MAIL_API_URL?: string;
  MAIL_FROM?: string;
}): Mailer | null {
  if (!config.MAIL_API) return null;
  const api = MAIL_APIS[config.MAIL_API];
  if (!api) throw new Error(`MAIL_API=${config.MAIL_API} is not a known mail API (known: ${Object.keys(MAIL_APIS).join(", ")})`);
  if (!config.MAIL_API_TOKEN) throw new Error(`MAIL_API=${config.MAIL_API} needs MAIL_API_TOKEN`);
  if (!config.MAIL_FROM) throw new Error(`MAIL_API=${config.MAIL_API} needs MAIL_FROM, the sender address`);
  return createHttpMailer({ api: api({ token: config.MAIL_API_TOKEN, baseUrl: config.MAIL_API_URL }), from: config.MAIL_FROM });
}
