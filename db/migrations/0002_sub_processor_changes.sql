CREATE TABLE `change_notices` (
	`id` text PRIMARY KEY NOT NULL,
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
	FOREIGN KEY (`change_id`) REFERENCES `sub_processor_changes`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `change_notices_change` ON `change_notices` (`change_id`,`status`);--> statement-breakpoint
CREATE INDEX `change_notices_agreement` ON `change_notices` (`agreement_id`);--> statement-breakpoint
CREATE INDEX `change_notices_closes` ON `change_notices` (`status`,`closes_at`);--> statement-breakpoint
CREATE TABLE `objections` (
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
	FOREIGN KEY (`notice_id`) REFERENCES `change_notices`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `objections_notice` ON `objections` (`notice_id`);--> statement-breakpoint
CREATE INDEX `objections_change` ON `objections` (`change_id`,`resolution`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`recipient` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`related_type` text NOT NULL,
	`related_id` text NOT NULL,
	`created_at` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer NOT NULL,
	`next_attempt_at` text NOT NULL,
	`last_error` text,
	`sent_at` text
);
--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `sub_processor_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`sub_processor_id` text NOT NULL,
	`replaces_id` text,
	`locations` text,
	`transfer_mechanism` text,
	`activity_ids` text NOT NULL,
	`reason` text NOT NULL,
	`intended_start` text NOT NULL,
	`status` text NOT NULL,
	`announced_at` text,
	`earliest_start` text,
	`effective_at` text,
	`withdrawn_at` text,
	`withdrawal_reason` text,
	`reminder_queued_at` text,
	`idempotency_key` text,
	`request_hash` text,
	`revision` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`sub_processor_id`) REFERENCES `sub_processors`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`replaces_id`) REFERENCES `sub_processors`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sub_processor_changes_idempotency_key_unique` ON `sub_processor_changes` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `sub_processor_changes_status` ON `sub_processor_changes` (`status`);--> statement-breakpoint
CREATE INDEX `sub_processor_changes_vendor` ON `sub_processor_changes` (`sub_processor_id`);--> statement-breakpoint
ALTER TABLE `sub_processors` ADD `excluded_agreement_ids` text DEFAULT '[]' NOT NULL;