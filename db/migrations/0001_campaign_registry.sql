CREATE TABLE `campaign_audiences` (
	`campaign_id` integer NOT NULL,
	`audience` text NOT NULL,
	`estimated_size` integer,
	PRIMARY KEY(`campaign_id`, `audience`),
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `campaign_audiences_code_idx` ON `campaign_audiences` (`audience`);--> statement-breakpoint
CREATE TABLE `campaign_channels` (
	`campaign_id` integer NOT NULL,
	`channel` text NOT NULL,
	PRIMARY KEY(`campaign_id`, `channel`),
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `campaign_channels_code_idx` ON `campaign_channels` (`channel`);--> statement-breakpoint
CREATE TABLE `campaign_exploitation_forms` (
	`campaign_id` integer NOT NULL,
	`form` text NOT NULL,
	PRIMARY KEY(`campaign_id`, `form`),
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `campaign_forms_code_idx` ON `campaign_exploitation_forms` (`form`);--> statement-breakpoint
CREATE TABLE `campaign_funders` (
	`campaign_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	PRIMARY KEY(`campaign_id`, `organisation_id`),
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `campaign_funders_org_idx` ON `campaign_funders` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `campaign_languages` (
	`campaign_id` integer NOT NULL,
	`language` text NOT NULL,
	PRIMARY KEY(`campaign_id`, `language`),
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `campaign_purposes` (
	`campaign_id` integer NOT NULL,
	`purpose` text NOT NULL,
	PRIMARY KEY(`campaign_id`, `purpose`),
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `campaign_status_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`actor_user_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `campaign_status_history_idx` ON `campaign_status_history` (`campaign_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `campaign_subdivisions` (
	`campaign_id` integer NOT NULL,
	`code` text NOT NULL,
	PRIMARY KEY(`campaign_id`, `code`),
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `campaign_subdivisions_code_idx` ON `campaign_subdivisions` (`code`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`pillar` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`visibility` text DEFAULT 'network' NOT NULL,
	`audience_other` text DEFAULT '' NOT NULL,
	`channel_other` text DEFAULT '' NOT NULL,
	`key_messages` text DEFAULT '' NOT NULL,
	`country` text,
	`locality` text DEFAULT '' NOT NULL,
	`start_date` text,
	`end_date` text,
	`budget` integer,
	`currency` text,
	`risk_restraint_imagery` text,
	`risk_anti_migration` text,
	`risk_identifies_victim` text,
	`risk_mitigation` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `campaigns_org_idx` ON `campaigns` (`organisation_id`);--> statement-breakpoint
CREATE INDEX `campaigns_country_dates_idx` ON `campaigns` (`country`,`start_date`,`end_date`);--> statement-breakpoint
CREATE INDEX `campaigns_status_idx` ON `campaigns` (`status`);--> statement-breakpoint
CREATE TABLE `indicators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`objective_id` integer NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`level` text NOT NULL,
	`unit` text NOT NULL,
	`direction` text NOT NULL,
	`baseline` real,
	`baseline_at_survey` integer DEFAULT false NOT NULL,
	`target` real,
	`means_of_verification` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`objective_id`) REFERENCES `objectives`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `indicators_objective_idx` ON `indicators` (`objective_id`,`position`);--> statement-breakpoint
CREATE TABLE `objectives` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`position` integer NOT NULL,
	`statement` text NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `objectives_campaign_idx` ON `objectives` (`campaign_id`,`position`);