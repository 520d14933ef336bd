RENAME TABLE `first_t` TO `_covet_dropped_first_t`;
DROP TABLE `_covet_dropped_first_t`;
