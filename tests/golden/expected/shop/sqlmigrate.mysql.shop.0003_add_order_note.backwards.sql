DROP INDEX `idx_orders_total` ON `orders`;
ALTER TABLE `orders` RENAME COLUMN `note` TO `_covet_dropped_orders__note`;
ALTER TABLE `orders` DROP COLUMN `_covet_dropped_orders__note`;
