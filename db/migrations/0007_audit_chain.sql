ALTER TABLE `audit_entries` ADD `prev_hash` text;--> statement-breakpoint
ALTER TABLE `audit_entries` ADD `hash` text;--> statement-breakpoint
CREATE UNIQUE INDEX `audit_entries_prev_hash_unique` ON `audit_entries` (`prev_hash`);