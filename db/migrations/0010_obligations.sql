CREATE TABLE `obligations` (
	`id` text PRIMARY KEY NOT NULL,
	`agreement_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`kind` text NOT NULL,
	`trigger` text NOT NULL,
	`trigger_date` text NOT NULL,
	`clock` text NOT NULL,
	`period` text NOT NULL,
	`governing_country` text NOT NULL,
	`time_zone` text NOT NULL,
	`last_day` text NOT NULL,
	`moved_from` text,
	`moved_because` text,
	`due_at` text NOT NULL,
	`owner` text,
	`state` text NOT NULL,
	`done_at` text,
	`evidence` text,
	`waiver_reason` text,
	`closed_by` text,
	`reminder_queued_at` text,
	`revision` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `obligations_agreement` ON `obligations` (`agreement_id`);--> statement-breakpoint
CREATE INDEX `obligations_due` ON `obligations` (`state`,`due_at`);