DROP INDEX `overlap_pairs_country_idx`;--> statement-breakpoint
CREATE INDEX `overlap_pairs_score_idx` ON `overlap_pairs` ("score" desc,`campaign_a`,`campaign_b`,`period_start`,`period_end`);--> statement-breakpoint
CREATE INDEX `overlap_pairs_country_idx` ON `overlap_pairs` (`country`,"score" desc,`campaign_a`,`campaign_b`,`period_start`,`period_end`);