CREATE TABLE `extra` (`id` integer AUTO_INCREMENT NOT NULL PRIMARY KEY);
ALTER TABLE `base` ADD COLUMN `note` longtext NULL;
INSERT INTO no_such_table (x) VALUES (1);
