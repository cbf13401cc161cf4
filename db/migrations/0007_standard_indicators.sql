CREATE TABLE `standard_indicators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`unit` text NOT NULL,
	`direction` text NOT NULL,
	`guidance` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `standard_indicators_code_unique` ON `standard_indicators` (`code`);--> statement-breakpoint
ALTER TABLE `indicators` ADD `standard_indicator_id` integer REFERENCES standard_indicators(id) ON DELETE SET NULL;--> statement-breakpoint
CREATE INDEX `indicators_standard_idx` ON `indicators` (`standard_indicator_id`);