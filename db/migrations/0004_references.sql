ALTER TABLE `customers` ADD `reference` text;--> statement-breakpoint
CREATE UNIQUE INDEX `customers_reference_unique` ON `customers` (`reference`);--> statement-breakpoint
ALTER TABLE `sub_processors` ADD `reference` text;--> statement-breakpoint
CREATE UNIQUE INDEX `sub_processors_reference_unique` ON `sub_processors` (`reference`);