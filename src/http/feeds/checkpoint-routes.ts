import type { OpenAPIHono } from "@hono/zod-openapi";
import { type CheckpointKeys, checkpointOfSize, keyIdOf, listCheckpoints } from "../../core/kernel/audit/checkpoints.ts";
import { AppError } from "../../core/kernel/errors.ts";
import { publicOrganisation } from "../../core/feeds/index.ts";
import type { Store } from "../../core/kernel/ports/store.ts";
import type { AppEnv } from "../env.ts";
import { cacheable, weakEtag } from "./cacheable.ts";
import { checkpointAtom } from "./checkpoint-atom.ts";

const PAGE = 100;

/**
 * The signed audit checkpoints, public so that anyone (a customer, an
 * auditor, an archiver) can keep them: JSON pages, one checkpoint by size,
 * and an Atom feed. The trusted public keys are listed with them.
 */
export function registerCheckpointRoutes(
  app: OpenAPIHono<AppEnv>,
  deps: { store: Store; publicBaseUrl: string; checkpoints?: CheckpointKeys },
): void {
  const db = deps.store.db;
  const keys = () =>
    (deps.checkpoints?.trusted ?? []).map((publicKey, n) => ({
      publicKey,
      keyId: keyIdOf(publicKey),
      signing: n === 0 && !!deps.checkpoints?.signer,
    }));

  app.get("/public/checkpoints", async (c) => {
    const before = c.req.query("before");
    if (before !== undefined && !/^[1-9]\d{0,15}$/.test(before))
      throw new AppError("validation", "before must be a checkpoint size (a positive whole number).");
    const items = await listCheckpoints(db, PAGE + 1, before === undefined ? undefined : Number(before));
    const more = items.length > PAGE;
    const page = items.slice(0, PAGE);
    const body = JSON.stringify({
      format: "dpa-register-checkpoint/1",
      signedMessage: 'RFC 8785 JSON of {"format":"dpa-register-checkpoint/1","size","head","at"}, signed with Ed25519',
      keys: keys(),
      checkpoints: page,
      next: more ? `/public/checkpoints?before=${page.at(-1)?.size}` : null,
    });
    return cacheable(c, { body, contentType: "application/json; charset=utf-8", etag: await weakEtag(body), visibility: "public" });
  });

  app.get("/public/checkpoints.atom", async (c) => {
    const organisation = await publicOrganisation(db);
    const body = checkpointAtom(await listCheckpoints(db, PAGE), deps.publicBaseUrl, organisation.legalName);
    return cacheable(c, { body, contentType: "application/atom+xml; charset=utf-8", etag: await weakEtag(body), visibility: "public" });
  });

  app.get("/public/checkpoints/:size{[0-9]+}", async (c) => {
    const size = Number(c.req.param("size"));
    const found = Number.isSafeInteger(size) ? await checkpointOfSize(db, size) : null;
    if (!found) throw new AppError("not_found", `No checkpoint of size ${c.req.param("size")}.`);
    const body = JSON.stringify(found);
    return cacheable(c, { body, contentType: "application/json; charset=utf-8", etag: await weakEtag(body), visibility: "public" });
  });
}
