import type { IncomingMessage } from "node:http";

/** The whole body of a request a test server received, as text (signatures cover the exact bytes). */
export async function requestText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
