DROP INDEX `idx_posts_published` ON `posts`;
