/** One e-mail from the outbox, plain text and HTML saying the same; the sender address is the adapter's configuration. */
export interface MailMessage {
  /** The outbox row id; the adapter turns it into the Message-ID header. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Where replies go: the DPO, for messages to customers (else the sender). */
  replyTo?: string;
}

/**
 * Hands a message to the mail system. Resolves once the server has accepted
 * it; rejects with a MailError saying whether trying again can help.
 */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/**
 * Why a message was not accepted. `permanent` decides what the outbox does
 * next: a refusal the server will repeat (SMTP 5xx, e.g. an unknown mailbox)
 * fails the message at once, anything else (4xx, connection errors,
 * timeouts) is retried later.
 */
export class MailError extends Error {
  readonly permanent: boolean;

  constructor(message: string, permanent: boolean, options?: ErrorOptions) {
    super(message, options);
    this.name = "MailError";
    this.permanent = permanent;
  }
}

/** Errors other than MailError are treated as transient: a bug or outage must not lose mail. */
export const isPermanentMailError = (error: unknown): boolean => error instanceof MailError && error.permanent;
