ALTER TABLE `campaign_summaries` ADD `targeted` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `campaign_summaries` ADD `channels` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Summaries are derived: forget the old ones so the next read rebuilds them with these columns.
DELETE FROM `campaign_summaries`;
