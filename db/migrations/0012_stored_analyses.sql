CREATE TABLE `campaign_analyses` (
	`campaign_id` integer PRIMARY KEY NOT NULL,
	`analysis` text NOT NULL,
	`refreshed_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Summaries built before analyses were stored are dropped, so each campaign's are built again, with its analysis, on the next read.
DELETE FROM `campaign_summaries`;
