CREATE TABLE `profiles` (`id` integer AUTO_INCREMENT NOT NULL PRIMARY KEY, `bio` longtext NOT NULL, `website` varchar(200) NULL);
ALTER TABLE `users` ADD COLUMN `profile_id` integer NULL;
ALTER TABLE `users` ADD CONSTRAINT `users_profile_id_fk_profiles_id` FOREIGN KEY (`profile_id`) REFERENCES `profiles` (`id`) ON DELETE SET NULL;
CREATE INDEX `users_profile_id_idx` ON `users` (`profile_id`);
