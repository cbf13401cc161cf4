ALTER TABLE `campaigns` ADD `import_code` text;--> statement-breakpoint
CREATE UNIQUE INDEX `campaigns_import_code_unique` ON `campaigns` (`organisation_id`,`import_code`);