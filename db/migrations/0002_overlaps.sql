CREATE TABLE `overlap_pairs` (
	`campaign_a` integer NOT NULL,
	`campaign_b` integer NOT NULL,
	`score` real NOT NULL,
	`level` text NOT NULL,
	`reasons` text NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`campaign_a`, `campaign_b`),
	FOREIGN KEY (`campaign_a`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`campaign_b`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `overlap_pairs_b_idx` ON `overlap_pairs` (`campaign_b`);--> statement-breakpoint
CREATE INDEX `overlap_pairs_level_idx` ON `overlap_pairs` (`level`,`score`);--> statement-breakpoint
CREATE TABLE `overlap_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_a` integer NOT NULL,
	`campaign_b` integer NOT NULL,
	`verdict` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`actor_user_id` integer,
	`actor_role` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`campaign_a`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`campaign_b`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `overlap_reviews_pair_idx` ON `overlap_reviews` (`campaign_a`,`campaign_b`,`created_at`);