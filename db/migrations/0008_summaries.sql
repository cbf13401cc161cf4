CREATE TABLE `campaign_summaries` (
	`campaign_id` integer PRIMARY KEY NOT NULL,
	`respondents` integer NOT NULL,
	`reached` real,
	`refreshed_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `indicator_summaries` (
	`indicator_id` integer PRIMARY KEY NOT NULL,
	`campaign_id` integer NOT NULL,
	`standard_indicator_id` integer,
	`name` text NOT NULL,
	`level` text NOT NULL,
	`unit` text NOT NULL,
	`direction` text NOT NULL,
	`baseline` real,
	`target` real,
	`actual` real,
	`actual_from` text,
	`n_baseline` integer,
	`n_actual` integer,
	`change` real,
	`change_low` real,
	`change_high` real,
	`p_value` real,
	`method` text,
	`met` integer,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `indicator_summaries_campaign_idx` ON `indicator_summaries` (`campaign_id`);--> statement-breakpoint
CREATE INDEX `indicator_summaries_standard_idx` ON `indicator_summaries` (`standard_indicator_id`);