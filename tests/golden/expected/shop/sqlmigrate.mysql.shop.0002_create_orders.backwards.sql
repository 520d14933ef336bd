RENAME TABLE `orders` TO `_covet_dropped_orders`;
DROP TABLE `_covet_dropped_orders`;
