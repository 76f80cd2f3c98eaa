CREATE TABLE `reminders_sent` (
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`due_on` text NOT NULL,
	`queued_at` text NOT NULL,
	PRIMARY KEY(`subject_type`, `subject_id`, `due_on`)
);
--> statement-breakpoint
ALTER TABLE `processing_activities` ADD `dpia` text;--> statement-breakpoint
ALTER TABLE `processing_activities` ADD `next_review_on` text;