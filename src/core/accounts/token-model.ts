import { z } from "zod";
import { Id } from "../kernel/values/values.ts";
import { ROLES } from "../kernel/roles.ts";

export const TokenInput = z.strictObject({
  name: z.string().trim().min(1).max(200).describe("What the token is for, e.g. procurement-workflow."),
  role: z.enum(ROLES),
});
export type TokenInput = z.infer<typeof TokenInput>;

export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  role: z.enum(ROLES),
  createdAt: z.string(),
  createdBy: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;

export const CreatedToken = ApiToken.extend({
  token: z.string().describe("The secret bearer token. Shown once; only its hash is stored."),
});
