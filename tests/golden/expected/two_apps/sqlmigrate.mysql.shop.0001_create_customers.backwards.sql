RENAME TABLE `customers` TO `_covet_dropped_customers`;
DROP TABLE `_covet_dropped_customers`;
