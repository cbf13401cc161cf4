ALTER TABLE `survey_responses` ADD `cluster` text;--> statement-breakpoint
ALTER TABLE `survey_responses` ADD `stratum` text;--> statement-breakpoint
ALTER TABLE `survey_responses` ADD `weight` real;--> statement-breakpoint
ALTER TABLE `survey_waves` ADD `sampling` text;--> statement-breakpoint
ALTER TABLE `survey_waves` ADD `cluster_unit` text;--> statement-breakpoint
ALTER TABLE `survey_waves` ADD `design_effect` real;--> statement-breakpoint
-- Analyses stored before records carried their sample design are dropped with their summaries, so both are built again on the next read.
DELETE FROM `campaign_analyses`;--> statement-breakpoint
DELETE FROM `campaign_summaries`;
