import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { requestText } from "./request-text.ts";

/** One request the sink received, as a provider's API would read it. */
export interface ReceivedMail {
  path: string;
  token: string | undefined;
  body: Record<string, unknown>;
}

export interface MailApiSink {
  /** The base URL to give the mailer as MAIL_API_URL. */
  url: string;
  received: ReceivedMail[];
  /** The statuses the next requests get, in order (then 200 again). */
  answerNext(...statuses: number[]): void;
  stop(): Promise<void>;
  /** Lets the process end while the sink still listens (for a sink living as long as a test run). */
  unref(): void;
}

/**
 * A local stand-in for Postmark's email API: it records each POST /email and
 * answers as Postmark does (200 with a MessageID, or the status it is told to
 * give, with Postmark's error shape). GET /received lists what it took, so a
 * Worker test inside workerd can read it back over HTTP.
 */
export async function startMailApiSink(): Promise<MailApiSink> {
  const received: ReceivedMail[] = [];
  const statuses: number[] = [];
  const server = createServer(async (request, response) => {
    const text = await requestText(request);
    if (request.method === "GET" && request.url === "/received") {
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(received));
      return;
    }
    if (request.method !== "POST" || request.url !== "/email") {
      response.writeHead(404).end();
      return;
    }
    const status = statuses.shift() ?? 200;
    if (status !== 200) {
      response
        .writeHead(status, { "content-type": "application/json" })
        .end(JSON.stringify({ ErrorCode: 300, Message: `Sink answered ${status}` }));
      return;
    }
    received.push({ path: request.url, token: request.headers["x-postmark-server-token"] as string | undefined, body: JSON.parse(text) });
    response
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ ErrorCode: 0, Message: "OK", MessageID: `sink-${received.length}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    answerNext: (...next) => statuses.push(...next),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    unref: () => void server.unref(),
  };
}
