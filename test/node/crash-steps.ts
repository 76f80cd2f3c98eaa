import type { Exit, Started } from "./helpers.ts";

/** Kills the service outright (SIGKILL): no shutdown handler runs, as in a crash or an OOM kill. */
export function crash(service: Pick<Started, "child">): Promise<void> {
  return new Promise<void>((resolve) => {
    if (service.child.exitCode !== null) return resolve();
    service.child.once("exit", () => resolve());
    service.child.kill("SIGKILL");
  });
}

/**
 * Stops the service with SIGTERM and waits until it has exited. Its shutdown
 * handler waits for the outbox delivery run in progress (the one at start
 * included), so once it exited cleanly no delivery is under way or to come.
 */
export async function stopAfterDeliveryRuns(service: Started): Promise<void> {
  const exit: Exit = await service.stop();
  if (exit.code !== 0) throw new Error(`the service did not shut down cleanly (${exit.code ?? exit.signal}):\n${service.output()}`);
}

/** Records a breach at the demo register's AWS hosting through the running service's API. */
export async function recordDemoBreach(base: string, headers: Record<string, string>): Promise<Response> {
  const vendors = (await (await fetch(`${base}/api/v1/sub-processors`, { headers })).json()) as {
    items: { id: string; legalName: string }[];
  };
  const aws = vendors.items.find((v) => v.legalName.startsWith("Amazon"))?.id;
  return fetch(`${base}/api/v1/breaches`, {
    method: "POST",
    headers,
    body: JSON.stringify({
      summary: "Credentials of a storage account leaked.",
      discoveredAt: new Date().toISOString(),
      subProcessorIds: [aws],
      likelyConsequences: "Stored documents may have been read.",
      measuresTaken: "The credentials were rotated.",
    }),
  });
}
