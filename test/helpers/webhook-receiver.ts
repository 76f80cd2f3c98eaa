import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { requestText } from "./request-text.ts";

/** One request the receiver took: its headers and its body as bytes came (signatures cover the exact text). */
export interface ReceivedWebhook {
  headers: Record<string, string>;
  body: string;
  status: number;
}

export interface WebhookReceiver {
  /** The URL to register as an endpoint. */
  url: string;
  received: ReceivedWebhook[];
  /** Every request gets `status` from now on (200 by default). */
  answer(status: number): void;
  /** Resolves once `count` requests have come, or rejects after `timeoutMs` saying how many did. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  stop(): Promise<void>;
  /** Lets the process end while the receiver still listens (for one living as long as a test run). */
  unref(): void;
}

/**
 * A test receiver of webhooks on the loopback: it records every POST and
 * answers with the status it is told to give. GET /received lists what it
 * took, so a Worker test inside workerd can read it back over HTTP.
 */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let status = 200;
  const waiters: (() => void)[] = [];
  const server = createServer(async (request, response) => {
    const body = await requestText(request);
    if (request.method === "GET" && request.url === "/received") {
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(received));
      return;
    }
    const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
    received.push({ headers, body, status });
    response.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : `receiver answered ${status}`);
    for (const wake of waiters.splice(0)) wake();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    answer(next) {
      status = next;
    },
    async waitFor(count, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`the receiver got ${received.length} request(s), not ${count}, within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(left, 1_000));
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return received;
    },
    unref: () => server.unref(),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
