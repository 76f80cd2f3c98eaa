CREATE TABLE `audit_checkpoints` (
	`size` integer PRIMARY KEY NOT NULL,
	`head` text NOT NULL,
	`at` text NOT NULL,
	`key_id` text NOT NULL,
	`public_key` text NOT NULL,
	`signature` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `verification_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`trigger` text NOT NULL,
	`ok` integer NOT NULL,
	`entries` integer NOT NULL,
	`head` text NOT NULL,
	`problems` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `verification_runs_at` ON `verification_runs` (`at`);--> statement-breakpoint
ALTER TABLE `document_exports` ADD `checkpoint_size` integer;