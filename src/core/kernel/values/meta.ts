import { z } from "zod";
import { Id } from "./values.ts";

const Timestamp = z.iso.datetime().describe("An instant, UTC, ISO 8601.");

/** Fields the register sets on every entity it returns. */
export const EntityMeta = {
  id: Id,
  revision: z.int().describe("Increases on every change; used to detect concurrent edits."),
  createdAt: Timestamp,
  updatedAt: Timestamp,
};

export const ArchivableMeta = {
  ...EntityMeta,
  archivedAt: Timestamp.nullable().describe("Set when archived; archived entities are kept for the record."),
};
