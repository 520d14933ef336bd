ALTER TABLE `orders` ADD COLUMN `note` longtext NULL;
CREATE INDEX `idx_orders_total` ON `orders` (`total`);
