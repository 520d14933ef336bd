RENAME TABLE `posts_tags` TO `_covet_dropped_posts_tags`;
RENAME TABLE `posts` TO `_covet_dropped_posts`;
RENAME TABLE `tags` TO `_covet_dropped_tags`;
RENAME TABLE `users` TO `_covet_dropped_users`;
DROP TABLE `_covet_dropped_posts_tags`;
DROP TABLE `_covet_dropped_posts`;
DROP TABLE `_covet_dropped_tags`;
DROP TABLE `_covet_dropped_users`;
