ALTER TABLE `survey_imports` ADD `columns` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `survey_imports` ADD `repeated` text;--> statement-breakpoint
ALTER TABLE `survey_responses` ADD `submission_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `survey_responses_submission_unique` ON `survey_responses` (`wave_id`,`submission_id`) WHERE submission_id is not null;