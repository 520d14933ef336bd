RENAME TABLE `posts` TO `_covet_dropped_posts`;
DROP TABLE `_covet_dropped_posts`;
