CREATE TABLE `customer_audits` (
	`id` text PRIMARY KEY NOT NULL,
	`agreement_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`requested_at` text NOT NULL,
	`proposed_start` text NOT NULL,
	`scope` text NOT NULL,
	`auditor` text,
	`notice_period` text,
	`time_zone` text NOT NULL,
	`governing_country` text NOT NULL,
	`notice_last_day` text,
	`earliest_start` text NOT NULL,
	`short_notice` integer NOT NULL,
	`state` text NOT NULL,
	`scheduled_on` text,
	`earlier_because` text,
	`completed_on` text,
	`outcome` text,
	`report_reference` text,
	`cancel_reason` text,
	`revision` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `customer_audits_agreement` ON `customer_audits` (`agreement_id`);--> statement-breakpoint
CREATE INDEX `customer_audits_state` ON `customer_audits` (`state`,`scheduled_on`);