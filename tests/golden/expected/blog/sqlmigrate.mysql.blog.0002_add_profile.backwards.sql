ALTER TABLE `users` DROP FOREIGN KEY `users_profile_id_fk_profiles_id`;
ALTER TABLE `users` RENAME COLUMN `profile_id` TO `_covet_dropped_users__profile_id`;
RENAME TABLE `profiles` TO `_covet_dropped_profiles`;
ALTER TABLE `users` DROP COLUMN `_covet_dropped_users__profile_id`;
DROP TABLE `_covet_dropped_profiles`;
