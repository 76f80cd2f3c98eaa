CREATE TABLE `document_exports` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`agreement_id` text,
	`language` text NOT NULL,
	`format` text NOT NULL,
	`draft` integer NOT NULL,
	`as_of` text NOT NULL,
	`through_seq` integer NOT NULL,
	`template_version` text NOT NULL,
	`fingerprint` text NOT NULL,
	`sha256` text NOT NULL,
	`byte_length` integer NOT NULL,
	`file_name` text NOT NULL,
	`actor_id` text NOT NULL,
	`actor_name` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `document_exports_sha256` ON `document_exports` (`sha256`);--> statement-breakpoint
CREATE INDEX `document_exports_created` ON `document_exports` (`created_at`,`id`);