import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stopStartedAfterEach } from "../helpers/cleanup.ts";
import { CHILD_PROCESS_TEST_MS } from "../helpers/wait.ts";
import { freePort, startNode, tempDir } from "./helpers.ts";

// Every server started here is stopped by these hooks, even when a test fails or times out.
stopStartedAfterEach();

describe("the Node service (npm start)", () => {
  it(
    "serves /health and the demo register on first start, and keeps the data across restarts",
    async () => {
      const env = { PORT: String(await freePort()), DATABASE_PATH: join(tempDir(), "db", "register.db") };
      const first = await startNode("src/entry/node.ts", env, "listening");
      const token = /token \(shown once, keep it\): (dpar_\S+)/.exec(first.output())?.[1] ?? "";
      expect(token).not.toBe("");
      const base = `http://127.0.0.1:${env.PORT}`;
      expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: "ok" });
      const agreements = (await (await fetch(`${base}/api/v1/agreements`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
        items: Array<{ reference: string }>;
      };
      expect(agreements.items.map((a) => a.reference)).toEqual(["CF-DPA-2024-001", "CF-DPA-2024-002", "CF-DPA-2025-003"]);
      const org = (await (await fetch(`${base}/api/v1/organisation`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
        legalName: string;
      };
      expect(org.legalName).toBe("ClearFacts BV");
      await first.stop(); // the restart below needs the port and the database to itself

      const second = await startNode("src/entry/node.ts", env, "listening");
      expect(second.output()).not.toContain("demo");
      const response = await fetch(`http://127.0.0.1:${env.PORT}/api/v1/customers`, { headers: { authorization: `Bearer ${token}` } });
      expect(((await response.json()) as { items: unknown[] }).items).toHaveLength(3);
    },
    CHILD_PROCESS_TEST_MS,
  );

  it(
    "starts empty with DEMO_DATA=false and refuses a bad configuration",
    async () => {
      const env = { PORT: String(await freePort()), DATABASE_PATH: join(tempDir(), "register.db"), DEMO_DATA: "false" };
      const server = await startNode("src/entry/node.ts", env, "listening");
      expect(server.output()).not.toContain("token");
      expect((await fetch(`http://127.0.0.1:${env.PORT}/api/v1/customers`)).status).toBe(401);
      await server.stop();
      await expect(startNode("src/entry/node.ts", { ...env, PORT: "not-a-port" }, "listening")).rejects.toThrow(/PORT/);
    },
    CHILD_PROCESS_TEST_MS,
  );
});
