// Who may use the register: API tokens, the people who sign in to the admin
// UI, and their sessions.
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { LANGUAGES, ROLES, USER_ROLES } from "../../src/core/kernel/values/values.ts";

export const apiTokens = sqliteTable("api_tokens", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  createdAt: text("created_at").notNull(),
  createdBy: text("created_by").notNull(),
  revokedAt: text("revoked_at"),
  lastUsedAt: text("last_used_at"),
});

/** People who sign in to the admin UI. Emails are stored lower-cased, so the unique index is case-insensitive. */
export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role", { enum: USER_ROLES }).notNull(),
  /** Self-describing (`scrypt$N$r$p$salt$hash`), so the cost can rise without breaking old hashes. */
  passwordHash: text("password_hash").notNull(),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
  disabledAt: text("disabled_at"),
  /** Consecutive failed sign-ins; reaching the limit locks the account until `lockedUntil`. */
  failedSignIns: integer("failed_sign_ins").notNull().default(0),
  lockedUntil: text("locked_until"),
  revision: integer("revision").notNull().default(1),
  /** The admin UI's language for this person; null follows the browser's Accept-Language. */
  language: text("language", { enum: LANGUAGES }),
});

/**
 * Admin UI sessions. The cookie holds a random secret; only its SHA-256 is
 * stored, so a copy of the database opens no session.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Synchroniser token every form of this session must echo. */
    csrfToken: text("csrf_token").notNull(),
    createdAt: text("created_at").notNull(),
    lastSeenAt: text("last_seen_at").notNull(),
    /** Absolute expiry, however active the session is. */
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);
