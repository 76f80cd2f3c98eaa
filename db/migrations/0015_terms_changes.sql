CREATE TABLE `terms_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`version` text NOT NULL,
	`summary` text NOT NULL,
	`documents` text NOT NULL,
	`agreement_ids` text NOT NULL,
	`effective_on` text NOT NULL,
	`status` text NOT NULL,
	`announced_at` text,
	`earliest_effective` text,
	`effective_at` text,
	`withdrawn_at` text,
	`withdrawal_reason` text,
	`revision` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `terms_changes_status` ON `terms_changes` (`status`);--> statement-breakpoint
-- change_notices.change_id loses its foreign key to sub_processor_changes: a notice may now be about a terms change.
-- SQLite cannot drop a constraint, so the table is rebuilt. The objections pointing at it are rebuilt with it,
-- pointing at the new table, so that no step leaves a reference to a missing row: this runs inside the migration's
-- transaction with foreign keys on (PRAGMA foreign_keys cannot be switched off there, nor on D1).
CREATE TABLE `__new_change_notices` (
	`id` text PRIMARY KEY NOT NULL,
	`subject` text DEFAULT 'sub_processor_change' NOT NULL,
	`change_id` text NOT NULL,
	`agreement_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`kind` text NOT NULL,
	`notice_date` text NOT NULL,
	`last_day` text NOT NULL,
	`closes_at` text NOT NULL,
	`time_zone` text NOT NULL,
	`period` text NOT NULL,
	`authorisation` text,
	`authorisation_decided_at` text,
	`status` text NOT NULL,
	`outcome` text NOT NULL,
	`outcome_reason` text,
	`revision` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
INSERT INTO `__new_change_notices`("id", "change_id", "agreement_id", "customer_id", "kind", "notice_date", "last_day", "closes_at", "time_zone", "period", "authorisation", "authorisation_decided_at", "status", "outcome", "outcome_reason", "revision", "created_at", "updated_at") SELECT "id", "change_id", "agreement_id", "customer_id", "kind", "notice_date", "last_day", "closes_at", "time_zone", "period", "authorisation", "authorisation_decided_at", "status", "outcome", "outcome_reason", "revision", "created_at", "updated_at" FROM `change_notices`;--> statement-breakpoint
CREATE TABLE `__new_objections` (
	`id` text PRIMARY KEY NOT NULL,
	`notice_id` text NOT NULL,
	`change_id` text NOT NULL,
	`agreement_id` text NOT NULL,
	`grounds` text NOT NULL,
	`received_at` text NOT NULL,
	`on_time` integer NOT NULL,
	`channel` text NOT NULL,
	`resolution` text,
	`resolution_reason` text,
	`resolved_at` text,
	`resolved_by` text,
	`revision` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`notice_id`) REFERENCES `__new_change_notices`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
INSERT INTO `__new_objections`("id", "notice_id", "change_id", "agreement_id", "grounds", "received_at", "on_time", "channel", "resolution", "resolution_reason", "resolved_at", "resolved_by", "revision", "created_at", "updated_at") SELECT "id", "notice_id", "change_id", "agreement_id", "grounds", "received_at", "on_time", "channel", "resolution", "resolution_reason", "resolved_at", "resolved_by", "revision", "created_at", "updated_at" FROM `objections`;--> statement-breakpoint
DROP TABLE `objections`;--> statement-breakpoint
DROP TABLE `change_notices`;--> statement-breakpoint
ALTER TABLE `__new_change_notices` RENAME TO `change_notices`;--> statement-breakpoint
ALTER TABLE `__new_objections` RENAME TO `objections`;--> statement-breakpoint
CREATE INDEX `change_notices_change` ON `change_notices` (`change_id`,`status`);--> statement-breakpoint
CREATE INDEX `change_notices_agreement` ON `change_notices` (`agreement_id`);--> statement-breakpoint
CREATE INDEX `change_notices_closes` ON `change_notices` (`status`,`closes_at`);--> statement-breakpoint
CREATE INDEX `objections_notice` ON `objections` (`notice_id`);--> statement-breakpoint
CREATE INDEX `objections_change` ON `objections` (`change_id`,`resolution`);