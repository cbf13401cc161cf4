CREATE TABLE `overlap_index` (
	`region` text NOT NULL,
	`start_day` integer NOT NULL,
	`end_day` integer NOT NULL,
	`campaign_id` integer NOT NULL,
	`country` text NOT NULL,
	`organisation_id` integer NOT NULL,
	`subdivisions` text NOT NULL,
	`audiences` integer NOT NULL,
	`channels` integer NOT NULL,
	`forms` integer NOT NULL,
	`purposes` integer NOT NULL,
	PRIMARY KEY(`region`, `start_day`, `end_day`, `campaign_id`),
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `overlap_index_span_idx` ON `overlap_index` (`country`,"end_day" - "start_day");--> statement-breakpoint
CREATE INDEX `overlap_index_campaign_idx` ON `overlap_index` (`campaign_id`);--> statement-breakpoint
CREATE TABLE `overlap_index_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`fingerprint` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `overlap_settings` (
	`country` text PRIMARY KEY NOT NULL,
	`buffer_days` integer DEFAULT 0 NOT NULL,
	`updated_by` integer,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
ALTER TABLE `overlap_pairs` ADD `country` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `overlap_pairs_country_idx` ON `overlap_pairs` (`country`,`score`);--> statement-breakpoint
-- The index itself is built at start-up (db/overlap-index.ts, ensureOverlapIndex): its bitmasks follow the code lists of the running version.
UPDATE `overlap_pairs` SET `country` = coalesce((SELECT c.country FROM campaigns c WHERE c.id = overlap_pairs.campaign_a), '');
