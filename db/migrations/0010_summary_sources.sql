ALTER TABLE `indicator_summaries` ADD `baseline_from` text;--> statement-breakpoint
ALTER TABLE `indicator_summaries` ADD `actual_date` text;--> statement-breakpoint
ALTER TABLE `indicator_summaries` ADD `question_code` text;--> statement-breakpoint
-- Summaries are derived: forget the old ones so the next read rebuilds them with these columns.
DELETE FROM `campaign_summaries`;
