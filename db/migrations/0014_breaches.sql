CREATE TABLE `breaches` (
	`id` text PRIMARY KEY NOT NULL,
	`summary` text NOT NULL,
	`discovered_at` text NOT NULL,
	`occurred_at` text,
	`activity_ids` text NOT NULL,
	`sub_processor_ids` text NOT NULL,
	`data_category_ids` text NOT NULL,
	`subject_category_ids` text NOT NULL,
	`approx_subjects` integer,
	`approx_records` integer,
	`likely_consequences` text NOT NULL,
	`measures_taken` text NOT NULL,
	`affected_agreement_ids` text NOT NULL,
	`notified_at` text,
	`updates` text NOT NULL,
	`revision` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `breaches_discovered` ON `breaches` (`discovered_at`);--> statement-breakpoint
ALTER TABLE `obligations` ADD `source_id` text;