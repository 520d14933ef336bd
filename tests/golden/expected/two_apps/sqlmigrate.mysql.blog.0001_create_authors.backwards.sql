RENAME TABLE `authors` TO `_covet_dropped_authors`;
DROP TABLE `_covet_dropped_authors`;
