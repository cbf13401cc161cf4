ALTER TABLE `survey_imports` ADD `completed_at` integer;--> statement-breakpoint
ALTER TABLE `survey_imports` ADD `progress_at` integer;--> statement-breakpoint
-- Imports stored before imports were written in slices were complete when they were recorded.
UPDATE `survey_imports` SET `completed_at` = `created_at`, `progress_at` = `created_at`;--> statement-breakpoint
CREATE UNIQUE INDEX `survey_imports_one_unfinished` ON `survey_imports` (`campaign_id`) WHERE completed_at is null;--> statement-breakpoint
CREATE INDEX `survey_responses_import_idx` ON `survey_responses` (`import_id`);--> statement-breakpoint
-- Analyses stored before they kept each wave's size are dropped with their summaries, so both are built again on the next read.
DELETE FROM `campaign_analyses`;--> statement-breakpoint
DELETE FROM `campaign_summaries`;
