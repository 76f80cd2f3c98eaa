import { entryHash } from "../../src/core/kernel/audit/audit-chain.ts";
import { checkpointMessage, newSigningKey, signerFromKey } from "../../src/core/kernel/audit/checkpoints.ts";
import type { RawDb, Register } from "./tamper-register.ts";

// The direct database edits an auditor worries about, each made on a register built by `buildRegister` (tamper-register.ts).

export interface TamperKind {
  name: string;
  /** Makes the edit; returns the entry (seq) or record the report must name. */
  tamper(r: Register): Promise<{ seq?: number; subject?: string }>;
  /** Verify with the checkpoints kept elsewhere as well. */
  withPublished?: boolean;
}

const lastSeq = async (raw: RawDb) => Number((await raw.all("select max(seq) as seq from audit_entries"))[0]?.seq);
const entry = async (raw: RawDb, seq: number) =>
  (await raw.all("select * from audit_entries where seq = ?", seq))[0] as Record<string, unknown>;
const seqOf = async (raw: RawDb, where: string) =>
  Number((await raw.all(`select seq from audit_entries where ${where} order by seq limit 1`))[0]?.seq);

/** The fields of a stored row as entryHash takes them. */
function chained(row: Record<string, unknown>) {
  const json = (v: unknown) => (v === null ? null : JSON.parse(String(v)));
  return {
    seq: Number(row.seq),
    id: String(row.id),
    at: String(row.at),
    actorId: String(row.actor_id),
    actorName: String(row.actor_name),
    action: String(row.action),
    entityType: String(row.entity_type),
    entityId: String(row.entity_id),
    before: json(row.before),
    after: json(row.after),
    reason: (row.reason as string | null) ?? null,
    prevHash: String(row.prev_hash),
  };
}

/** Re-hashes every entry from `fromSeq` on, as someone who knows the algorithm (but not the key) would. */
async function rehashFrom(raw: RawDb, fromSeq: number): Promise<void> {
  const rows = await raw.all("select * from audit_entries where seq >= ? order by seq", fromSeq);
  const before = await raw.all("select hash from audit_entries where seq < ? order by seq desc limit 1", fromSeq);
  let prev = String(before[0]?.hash ?? "0".repeat(64));
  // Unlink first, so no two rows share a prev_hash while they are rewritten one by one.
  await raw.run("update audit_entries set prev_hash = 'x' || seq where seq >= ?", fromSeq);
  for (const row of rows) {
    const hash = entryHash({ ...chained(row), prevHash: prev });
    await raw.run("update audit_entries set prev_hash = ?, hash = ? where seq = ?", prev, hash, row.seq);
    prev = hash;
  }
}

/** Rewrites an old customer entry and every hash after it, and the row to match: only a signed checkpoint can tell. */
async function rewriteHistoryConsistently(raw: RawDb): Promise<number> {
  const seq = await seqOf(raw, "entity_type = 'customer' and action = 'create'");
  const row = await entry(raw, seq);
  const after = { ...JSON.parse(String(row.after)), legalName: "Forged Customer NV" };
  await raw.run("update audit_entries set after = ? where seq = ?", JSON.stringify(after), seq);
  await rehashFrom(raw, seq);
  // The first customer is never changed later: its row now matches its (forged) trail.
  await raw.run("update customers set legal_name = 'Forged Customer NV' where id = ?", row.entity_id);
  return seq;
}

export const TAMPER_KINDS: TamperKind[] = [
  {
    name: "an audit entry's actor changed",
    async tamper({ raw }) {
      const seq = await seqOf(raw, "entity_type = 'agreement'");
      await raw.run("update audit_entries set actor_name = 'someone else' where seq = ?", seq);
      return { seq };
    },
  },
  {
    name: "an audit entry's before changed",
    async tamper({ raw }) {
      const seq = await seqOf(raw, "entity_type = 'customer' and action = 'update'");
      await raw.run("update audit_entries set before = json_set(before, '$.legalName', 'Other NV') where seq = ?", seq);
      return { seq };
    },
  },
  {
    name: "the newest entry's after rewritten",
    async tamper({ raw }) {
      const seq = await lastSeq(raw);
      await raw.run("update audit_entries set after = json_set(after, '$.legalName', 'Forged NV') where seq = ?", seq);
      return { seq };
    },
  },
  {
    name: "a back-dated entry inserted, outside the chain",
    async tamper({ raw }) {
      const last = await entry(raw, await lastSeq(raw));
      const after = { ...JSON.parse(String(last.after)), legalName: "Back-dated NV" };
      await raw.run(
        "insert into audit_entries (id, at, actor_id, actor_name, action, entity_type, entity_id, before, after) values ('forged-1', '2025-01-01T10:00:00.000Z', 'system', 'system', 'update', 'customer', ?, null, ?)",
        last.entity_id,
        JSON.stringify(after),
      );
      return { subject: `customer ${last.entity_id}` };
    },
  },
  {
    name: "a back-dated entry inserted and hashed into the chain",
    async tamper({ raw }) {
      const last = await entry(raw, await lastSeq(raw));
      const after = { ...JSON.parse(String(last.after)), legalName: "Back-dated NV" };
      const fields = {
        ...chained(last),
        seq: Number(last.seq) + 1,
        id: "forged-2",
        at: "2025-01-01T10:00:00.000Z",
        before: null,
        after,
        prevHash: String(last.hash),
      };
      await raw.run(
        "insert into audit_entries (seq, id, at, actor_id, actor_name, action, entity_type, entity_id, before, after, prev_hash, hash) values (?, ?, ?, 'system', 'system', 'update', 'customer', ?, null, ?, ?, ?)",
        fields.seq,
        fields.id,
        fields.at,
        last.entity_id,
        JSON.stringify(after),
        fields.prevHash,
        entryHash({ ...fields, actorId: "system", actorName: "system", action: "update" }),
      );
      return { subject: `customer ${last.entity_id}` };
    },
  },
  {
    name: "the newest entry deleted",
    async tamper({ raw }) {
      const seq = await lastSeq(raw);
      const { entity_id } = await entry(raw, seq);
      await raw.run("delete from audit_entries where seq = ?", seq);
      return { subject: `customer ${entity_id}` };
    },
  },
  {
    name: "two entries' timestamps swapped",
    async tamper({ raw }) {
      const a = await seqOf(raw, "entity_type = 'sub_processor'");
      const b = a + 1;
      const [x, y] = [await entry(raw, a), await entry(raw, b)];
      await raw.run("update audit_entries set at = ? where seq = ?", y.at, a);
      await raw.run("update audit_entries set at = ? where seq = ?", x.at, b);
      return { seq: a };
    },
  },
  {
    name: "an entity table edited directly",
    async tamper({ raw }) {
      const [row] = await raw.all("select id from agreements where reference = 'CF-DPA-2024-001'");
      await raw.run("update agreements set version = '9.9' where id = ?", row?.id);
      return { subject: `agreement ${row?.id}` };
    },
  },
  {
    name: "an entity row deleted directly",
    async tamper({ raw }) {
      const [row] = await raw.all("select id from subject_categories where name like '%Website visitors%'");
      await raw.run("delete from subject_categories where id = ?", row?.id);
      return { subject: `subject category ${row?.id}` };
    },
  },
  {
    name: "an entity row inserted without an audit entry",
    async tamper({ raw }) {
      await raw.run(
        "insert into subject_categories (id, name, description, revision, created_at, updated_at) values ('00000000-0000-7000-8000-00000000f00d', '{\"en\":\"Ghosts\"}', null, 1, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')",
      );
      return { subject: "subject category 00000000-0000-7000-8000-00000000f00d" };
    },
  },
  {
    name: "a token's role raised to admin",
    async tamper({ raw }) {
      const [row] = await raw.all("select id from api_tokens where role = 'procurement' limit 1");
      await raw.run("update api_tokens set role = 'admin' where id = ?", row?.id);
      return { subject: `API token ${row?.id}` };
    },
  },
  {
    name: "a user's role changed",
    async tamper({ raw }) {
      const [row] = await raw.all("select id from users where role = 'editor' limit 1");
      await raw.run("update users set role = 'admin' where id = ?", row?.id);
      return { subject: `user ${row?.id}` };
    },
  },
  {
    name: "a middle entry deleted",
    async tamper({ raw }) {
      const seq = await seqOf(raw, "entity_type = 'processing_activity'");
      await raw.run("delete from audit_entries where seq = ?", seq);
      return { seq: seq + 1 };
    },
  },
  {
    name: "two entries' order swapped",
    async tamper({ raw }) {
      const a = await seqOf(raw, "entity_type = 'data_category'");
      await raw.run("update audit_entries set seq = -1 where seq = ?", a);
      await raw.run("update audit_entries set seq = ? where seq = ?", a, a + 1);
      await raw.run("update audit_entries set seq = ? where seq = -1", a + 1);
      return { seq: a };
    },
  },
  {
    name: "an entry taken out of the chain (its hashes cleared)",
    async tamper({ raw }) {
      const seq = await seqOf(raw, "entity_type = 'customer'");
      await raw.run("update audit_entries set hash = null, prev_hash = null where seq = ?", seq);
      return { seq };
    },
  },
  {
    name: "the tail deleted back beyond the last checkpoint",
    async tamper({ raw }) {
      const [checkpoint] = await raw.all("select size from audit_checkpoints order by size desc limit 1");
      const cut = Number(checkpoint?.size) - 2;
      await raw.run("delete from audit_entries where seq > ?", cut);
      return { seq: cut + 1 };
    },
  },
  {
    name: "the tail and every checkpoint deleted (a kept checkpoint given)",
    withPublished: true,
    async tamper({ raw }) {
      const [checkpoint] = await raw.all("select size from audit_checkpoints order by size desc limit 1");
      const cut = Number(checkpoint?.size) - 2;
      await raw.run("delete from audit_entries where seq > ?", cut);
      await raw.run("delete from audit_checkpoints");
      return { seq: cut + 1 };
    },
  },
  {
    name: "the whole chain rewritten consistently, without the key",
    async tamper({ raw }) {
      await rewriteHistoryConsistently(raw);
      // Without an earlier checkpoint, the report can only name the range the checkpoint covered.
      return { subject: "checkpoint" };
    },
  },
  {
    name: "the chain rewritten and its checkpoints re-signed with another key",
    async tamper({ raw }) {
      await rewriteHistoryConsistently(raw);
      const forger = await signerFromKey((await newSigningKey()).privateKey);
      for (const c of await raw.all("select * from audit_checkpoints")) {
        const size = Number(c.size);
        const [head] = await raw.all("select hash from audit_entries where hash is not null order by seq limit 1 offset ?", size - 1);
        const at = String(c.at);
        const signature = await forger.sign(checkpointMessage({ size, head: String(head?.hash), at }));
        await raw.run(
          "update audit_checkpoints set head = ?, key_id = ?, public_key = ?, signature = ? where size = ?",
          head?.hash,
          forger.keyId,
          forger.publicKey,
          signature,
          size,
        );
      }
      return { subject: "checkpoint" };
    },
  },
  {
    name: "a checkpoint's head altered without its key",
    async tamper({ raw }) {
      await raw.run("update audit_checkpoints set head = ?", "f".repeat(64));
      return { subject: "checkpoint" };
    },
  },
];
