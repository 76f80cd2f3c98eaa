// The Node service reads JSON bodies straight from Node's request
// (entry/node-request-body.ts), not through a WHATWG Request: what a client
// sends must still be read whole, bounded and refused as in process.
import { request } from "node:http";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "../../src/http/middleware/json-body.ts";
import { CHILD_PROCESS_TEST_MS } from "../helpers/wait.ts";
import { freePort, type Started, startNode, tempDir } from "./helpers.ts";

let server: Started;
let base = "";
let token = "";

// One service for the file, stopped after it (it holds no state another file sees).
beforeAll(async () => {
  const env = { PORT: String(await freePort()), DATABASE_PATH: join(tempDir(), "register.db") };
  server = await startNode("src/entry/node.ts", env, "listening");
  token = /token \(shown once, keep it\): (dpar_\S+)/.exec(server.output())?.[1] ?? "";
  base = `http://127.0.0.1:${env.PORT}`;
  return () => server.stop();
}, CHILD_PROCESS_TEST_MS);

const post = (body: BodyInit, headers: Record<string, string> = { "content-type": "application/json" }) =>
  fetch(`${base}/api/v1/data-categories`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, ...headers },
    body,
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);

/** A body sent chunked (no Content-Length), in the pieces given. */
const chunked = (...pieces: Uint8Array[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  });

/**
 * A POST with its Content-Length announced, through node:http: the service may answer before the
 * body is all sent (a 413), and a client that stops at the answer must still read it, so errors
 * writing the rest are ignored once the answer is in.
 */
function announcedPost(bytes: Uint8Array): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(`${base}/api/v1/data-categories`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "content-length": String(bytes.length) },
    });
    req.on("response", (response) => {
      answered = true;
      let body = "";
      response.on("data", (chunk: Buffer) => {
        body += chunk.toString();
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    req.end(bytes);
  });
}

const names = async () =>
  (
    (await (await fetch(`${base}/api/v1/data-categories`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      items: { name: { en: string } }[];
    }
  ).items.map((i) => i.name.en);

describe("request bodies on the Node service", () => {
  it("creates from a JSON body, sent whole or chunked with a character split between chunks", async () => {
    expect((await post(JSON.stringify({ name: { en: "Sent whole" }, special: "none" }))).status).toBe(201);
    const bytes = new TextEncoder().encode(JSON.stringify({ name: { en: "Split – é" }, special: "none" }));
    const split = bytes.indexOf(0xe2) + 1; // inside the three bytes of the en dash
    const response = await post(chunked(bytes.slice(0, split), bytes.slice(split)), { "content-type": "application/json" });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { name: { en: string } }).name.en).toBe("Split – é");
    expect(await names()).toEqual(expect.arrayContaining(["Sent whole", "Split – é"]));
  });

  it("refuses malformed JSON (400), JSON that is not an object (422) and another content type (415), writing nothing", async () => {
    const before = await names();
    const malformed = await post('{"name": ');
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get("content-type")).toBe("application/problem+json");
    expect((await post("[1, 2]")).status).toBe(422);
    expect((await post(JSON.stringify({ name: { en: "Typed as text" }, special: "none" }), { "content-type": "text/plain" })).status).toBe(
      415,
    );
    expect(await names()).toEqual(before);
  });

  it("refuses a body over the limit (413), announced or chunked, and the service answers the next request", async () => {
    const before = await names();
    const big = JSON.stringify({ name: { en: "x".repeat(MAX_BODY_BYTES) }, special: "none" });
    const bytes = new TextEncoder().encode(big);
    const announced = await announcedPost(bytes);
    expect(announced.status).toBe(413);
    expect((JSON.parse(announced.body) as { detail: string }).detail).toMatch(/larger than/);
    const streamed = await post(chunked(bytes.slice(0, 65_536), bytes.slice(65_536)));
    expect(streamed.status).toBe(413);
    expect((await post(JSON.stringify({ name: { en: "After the refusals" }, special: "none" }))).status).toBe(201);
    expect((await names()).filter((name) => !before.includes(name))).toEqual(["After the refusals"]);
  });
});
