RENAME TABLE `base` TO `_covet_dropped_base`;
DROP TABLE `_covet_dropped_base`;
