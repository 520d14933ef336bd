SELECT 1;
ALTER TABLE `base` RENAME COLUMN `note` TO `_covet_dropped_base__note`;
RENAME TABLE `extra` TO `_covet_dropped_extra`;
ALTER TABLE `base` DROP COLUMN `_covet_dropped_base__note`;
DROP TABLE `_covet_dropped_extra`;
