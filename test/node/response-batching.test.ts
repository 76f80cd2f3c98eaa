// The Node service writes the answers to reads finished in one turn of the event loop together
// (entry/node-response-batching.ts). Every client must still get its own answer, whole, and
// pipelined requests their answers in the order they were sent; an answer Node refuses must
// close only its own connection.
import { createServer, type Server } from "node:http";
import { connect } from "node:net";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { turnBatchedAnswers } from "../../src/entry/node-response-batching.ts";
import { CHILD_PROCESS_TEST_MS } from "../helpers/wait.ts";
import { freePort, type Started, startNode, tempDir } from "./helpers.ts";

let service: Started;
let base = "";
let token = "";
let port = 0;

// One service for the file, stopped after it (the requests here change nothing).
beforeAll(async () => {
  port = await freePort();
  const env = { PORT: String(port), DATABASE_PATH: join(tempDir(), "register.db") };
  service = await startNode("src/entry/node.ts", env, "listening");
  token = /token \(shown once, keep it\): (dpar_\S+)/.exec(service.output())?.[1] ?? "";
  base = `http://127.0.0.1:${port}`;
  return () => service.stop();
}, CHILD_PROCESS_TEST_MS);

const get = (path: string) => fetch(base + path, { headers: { authorization: `Bearer ${token}` } });

/** Sends `requests` in one write on one connection; resolves with all that came back once the service closes it. */
function pipelined(requests: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(requests.join("")));
    let received = "";
    socket.on("data", (chunk: Buffer) => {
      received += chunk.toString("latin1");
    });
    socket.on("end", () => resolve(received));
    socket.on("error", reject);
  });
}

describe("answers written together at the end of a turn", () => {
  it(
    "answers pipelined requests on one connection in the order they were sent, each whole",
    async () => {
      const auth = `authorization: Bearer ${token}\r\n`;
      const received = await pipelined([
        "GET /health HTTP/1.1\r\nhost: localhost\r\n\r\n",
        `GET /api/v1/sub-processors HTTP/1.1\r\nhost: localhost\r\n${auth}\r\n`,
        `GET /api/v1/no-such-thing HTTP/1.1\r\nhost: localhost\r\n${auth}\r\n`,
        `GET /api/v1/data-categories HTTP/1.1\r\nhost: localhost\r\n${auth}connection: close\r\n\r\n`,
      ]);
      const answers = received.split(/(?=HTTP\/1\.1 \d{3} )/);
      expect(answers.map((answer) => answer.slice(9, 12))).toEqual(["200", "200", "404", "200"]);
      expect(answers[0]).toContain('{"status":"ok"}');
      expect(answers[1]).toContain("Amazon Web Services");
      expect(answers[3]).toMatch(/"items":\[\{"id":/);
      // Each answer is as long as it says: nothing was cut or written twice.
      for (const answer of answers) {
        const length = Number(/^content-length: (\d+)$/im.exec(answer)?.[1]);
        expect(Buffer.byteLength(answer.slice(answer.indexOf("\r\n\r\n") + 4), "latin1")).toBe(length);
      }
    },
    CHILD_PROCESS_TEST_MS,
  );

  it(
    "gives each of many clients at once the record it asked for",
    async () => {
      const page = (await (await get("/api/v1/data-categories?limit=50")).json()) as { items: { id: string }[] };
      expect(page.items.length).toBeGreaterThan(3);
      const ids = [...page.items, ...page.items, ...page.items].map((item) => item.id);
      const answers = await Promise.all(ids.map((id) => get(`/api/v1/data-categories/${id}`)));
      const bodies = (await Promise.all(answers.map((answer) => answer.json()))) as { id: string }[];
      expect(answers.map((answer) => answer.status)).toEqual(ids.map(() => 200));
      expect(bodies.map((body) => body.id)).toEqual(ids);
    },
    CHILD_PROCESS_TEST_MS,
  );

  it(
    "sends a whole PDF while other clients are answered",
    async () => {
      const [pdf, ...others] = await Promise.all([
        get("/api/v1/documents/art30-processor?format=pdf"),
        ...Array.from({ length: 20 }, () => get("/health")),
      ]);
      expect(pdf?.status).toBe(200);
      const bytes = Buffer.from(await (pdf as Response).arrayBuffer());
      expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
      expect(bytes.subarray(-6).toString()).toContain("%%EOF");
      expect(Number(pdf?.headers.get("content-length"))).toBe(bytes.length);
      expect(await Promise.all(others.map((other) => other.json()))).toEqual(others.map(() => ({ status: "ok" })));
    },
    CHILD_PROCESS_TEST_MS,
  );
});

describe("TurnBatchedResponse", () => {
  let server: Server | undefined;
  afterEach(async () => {
    vi.restoreAllMocks();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
  });

  /** A server with the service's options on a free port, answering with `handler`. */
  async function serveWith(handler: Parameters<typeof createServer>[1]): Promise<string> {
    const listening = createServer(turnBatchedAnswers, handler);
    server = listening;
    await new Promise<void>((resolve) => listening.listen(0, "127.0.0.1", resolve));
    const address = listening.address();
    if (typeof address !== "object" || !address) throw new Error("no address");
    return `http://127.0.0.1:${address.port}`;
  }

  it("ends an answer at the end of the turn it was finished in, not at once", async () => {
    const seen: boolean[] = [];
    const url = await serveWith((_, response) => {
      response.end("done");
      seen.push(response.writableEnded);
      setImmediate(() => seen.push(response.writableEnded));
    });
    expect(await (await fetch(url)).text()).toBe("done");
    expect(seen).toEqual([false, true]);
  });

  it("ends an answer to a write at once (those leave together when their commit is done)", async () => {
    const seen: boolean[] = [];
    const url = await serveWith((request, response) => {
      request.resume();
      request.on("end", () => {
        response.statusCode = 201;
        response.end("created");
        seen.push(response.writableEnded);
      });
    });
    const answer = await fetch(url, { method: "POST", body: "{}" });
    expect([answer.status, await answer.text()]).toEqual([201, "created"]);
    expect(seen).toEqual([true]);
  });

  it("closes only the connection of an answer Node refuses, logs why, and goes on answering", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const url = await serveWith((request, response) => {
      if (request.url === "/refused")
        response.end(42 as never); // not a string or bytes: Node throws
      else response.end("fine");
    });
    await expect(fetch(`${url}/refused`)).rejects.toThrow();
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ code: "ERR_INVALID_ARG_TYPE" }));
    expect(await (await fetch(`${url}/other`)).text()).toBe("fine");
  });
});
