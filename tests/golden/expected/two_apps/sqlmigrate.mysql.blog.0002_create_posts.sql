CREATE TABLE `posts` (`id` integer AUTO_INCREMENT NOT NULL PRIMARY KEY, `author_id` integer NOT NULL, `title` varchar(200) NOT NULL);
ALTER TABLE `posts` ADD CONSTRAINT `posts_author_id_fk_authors_id` FOREIGN KEY (`author_id`) REFERENCES `authors` (`id`) ON DELETE CASCADE;
CREATE INDEX `posts_author_id_idx` ON `posts` (`author_id`);
