ALTER TABLE `processing_activities` ADD `joint_controllers` text;--> statement-breakpoint
ALTER TABLE `organisation` ADD `joint_controllers` text;