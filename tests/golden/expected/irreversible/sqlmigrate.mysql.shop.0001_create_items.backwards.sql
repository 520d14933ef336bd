RENAME TABLE `items` TO `_covet_dropped_items`;
DROP TABLE `_covet_dropped_items`;
