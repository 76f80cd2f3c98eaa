CREATE TABLE `processing_activities` (
	`id` text PRIMARY KEY NOT NULL,
	`role` text NOT NULL,
	`name` text NOT NULL,
	`purposes` text NOT NULL,
	`subject_matter` text,
	`nature` text,
	`legal_basis` text,
	`special_category_condition` text,
	`special_category_safeguards` text,
	`recipients` text NOT NULL,
	`transfers` text NOT NULL,
	`status` text NOT NULL,
	`archived_at` text,
	`revision` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `activities_role_status` ON `processing_activities` (`role`,`status`);--> statement-breakpoint
CREATE TABLE `activity_data_categories` (
	`activity_id` text NOT NULL,
	`data_category_id` text NOT NULL,
	`position` integer NOT NULL,
	`retention` text,
	PRIMARY KEY(`activity_id`, `data_category_id`),
	FOREIGN KEY (`activity_id`) REFERENCES `processing_activities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`data_category_id`) REFERENCES `data_categories`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `activity_data_categories_category` ON `activity_data_categories` (`data_category_id`);--> statement-breakpoint
CREATE TABLE `activity_security_measures` (
	`activity_id` text NOT NULL,
	`security_measure_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`activity_id`, `security_measure_id`),
	FOREIGN KEY (`activity_id`) REFERENCES `processing_activities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`security_measure_id`) REFERENCES `security_measures`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `activity_security_measures_measure` ON `activity_security_measures` (`security_measure_id`);--> statement-breakpoint
CREATE TABLE `activity_subject_categories` (
	`activity_id` text NOT NULL,
	`subject_category_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`activity_id`, `subject_category_id`),
	FOREIGN KEY (`activity_id`) REFERENCES `processing_activities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`subject_category_id`) REFERENCES `subject_categories`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `activity_subject_categories_category` ON `activity_subject_categories` (`subject_category_id`);--> statement-breakpoint
CREATE TABLE `agreement_activities` (
	`agreement_id` text NOT NULL,
	`activity_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`agreement_id`, `activity_id`),
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`activity_id`) REFERENCES `processing_activities`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `agreement_activities_activity` ON `agreement_activities` (`activity_id`);--> statement-breakpoint
CREATE TABLE `agreements` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`reference` text NOT NULL,
	`version` text NOT NULL,
	`signed_on` text,
	`ended_on` text,
	`language` text NOT NULL,
	`authorisation` text NOT NULL,
	`clocks` text NOT NULL,
	`governing_country` text NOT NULL,
	`time_zone` text NOT NULL,
	`status` text NOT NULL,
	`archived_at` text,
	`revision` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreements_reference_unique` ON `agreements` (`reference`);--> statement-breakpoint
CREATE INDEX `agreements_customer` ON `agreements` (`customer_id`);--> statement-breakpoint
CREATE TABLE `api_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`revoked_at` text,
	`last_used_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_token_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `audit_entries` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`at` text NOT NULL,
	`actor_id` text NOT NULL,
	`actor_name` text NOT NULL,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_entries_id_unique` ON `audit_entries` (`id`);--> statement-breakpoint
CREATE INDEX `audit_entries_entity` ON `audit_entries` (`entity_type`,`entity_id`,`seq`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` text PRIMARY KEY NOT NULL,
	`legal_name` text NOT NULL,
	`company_number` text,
	`address` text NOT NULL,
	`contact` text NOT NULL,
	`dpo` text,
	`language` text NOT NULL,
	`archived_at` text,
	`revision` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `data_categories` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`special` text NOT NULL,
	`revision` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `organisation` (
	`id` text PRIMARY KEY NOT NULL,
	`legal_name` text NOT NULL,
	`company_number` text,
	`address` text NOT NULL,
	`contact` text NOT NULL,
	`dpo` text,
	`eu_representative` text,
	`default_language` text NOT NULL,
	`revision` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `security_measures` (
	`id` text PRIMARY KEY NOT NULL,
	`heading` text NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`certifications` text NOT NULL,
	`revision` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sub_processor_activities` (
	`sub_processor_id` text NOT NULL,
	`activity_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`sub_processor_id`, `activity_id`),
	FOREIGN KEY (`sub_processor_id`) REFERENCES `sub_processors`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`activity_id`) REFERENCES `processing_activities`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `sub_processor_activities_activity` ON `sub_processor_activities` (`activity_id`);--> statement-breakpoint
CREATE TABLE `sub_processors` (
	`id` text PRIMARY KEY NOT NULL,
	`legal_name` text NOT NULL,
	`company_number` text,
	`address` text NOT NULL,
	`contact` text NOT NULL,
	`service` text NOT NULL,
	`processing_description` text,
	`locations` text NOT NULL,
	`transfer_mechanism` text,
	`status` text NOT NULL,
	`parent_id` text,
	`archived_at` text,
	`revision` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `sub_processors`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `sub_processors_status` ON `sub_processors` (`status`);--> statement-breakpoint
CREATE INDEX `sub_processors_parent` ON `sub_processors` (`parent_id`);--> statement-breakpoint
CREATE TABLE `subject_categories` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`revision` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `write_guards` (
	`ok` integer NOT NULL,
	CONSTRAINT "write_guards_ok" CHECK("write_guards"."ok" = 1)
);
