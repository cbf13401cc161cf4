ALTER TABLE `survey_uploads` ADD `path` text;--> statement-breakpoint
ALTER TABLE `survey_uploads` ADD `bytes` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `survey_uploads` ADD `status` text DEFAULT 'mapping' NOT NULL;--> statement-breakpoint
ALTER TABLE `survey_uploads` ADD `checked_rows` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `survey_uploads` ADD `written_rows` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `survey_uploads` ADD `read_bytes` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `survey_uploads` ADD `outcome` text;