RENAME TABLE `after_t` TO `_covet_dropped_after_t`;
DROP TABLE `_covet_dropped_after_t`;
