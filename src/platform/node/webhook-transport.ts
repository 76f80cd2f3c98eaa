import { lookup } from "node:dns";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import type { WebhookResponse, WebhookTransport } from "../../core/kernel/ports/webhook-transport.ts";
import { isPrivateAddress } from "../../core/webhooks/index.ts";

const TIMEOUT_MS = 15_000;
const MAX_BODY = 4_096;

/**
 * Resolves names as usual but refuses, at connect time, any address the
 * policy forbids: a public name that resolves (or is re-pointed) to a private
 * address is refused on the very connection that would have used it, which a
 * check before the request cannot promise.
 */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 0);
    const found = addresses as { address: string; family: number }[];
    const refused = found.find((a) => isPrivateAddress(a.address));
    if (refused)
      return callback(
        new Error(`${hostname} resolves to ${refused.address}, a private address, and private addresses are not allowed here.`),
        "",
        0,
      );
    if (options.all) return (callback as unknown as (e: null, a: typeof found) => void)(null, found);
    const [first] = found;
    callback(null, first?.address ?? "", first?.family ?? 4);
  });
};

/** Webhooks from Node: node:http(s), no redirects followed, the answer read up to 4 KiB. */
export function nodeWebhookTransport(options: { privateAddresses: boolean }): WebhookTransport {
  return {
    post(url, headers, body): Promise<WebhookResponse> {
      const target = new URL(url);
      const request = target.protocol === "https:" ? httpsRequest : httpRequest;
      return new Promise((resolve, reject) => {
        const outgoing = request(
          target,
          {
            method: "POST",
            headers: { ...headers, "content-length": Buffer.byteLength(body) },
            timeout: TIMEOUT_MS,
            ...(options.privateAddresses ? {} : { lookup: publicOnlyLookup }),
          },
          (response) => {
            let text = "";
            response.setEncoding("utf8");
            response.on("data", (chunk: string) => {
              if (text.length < MAX_BODY) text += chunk;
            });
            response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text.slice(0, MAX_BODY) }));
            response.on("error", reject);
          },
        );
        outgoing.on("timeout", () => outgoing.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
        outgoing.on("error", reject);
        outgoing.end(body);
      });
    },
  };
}
