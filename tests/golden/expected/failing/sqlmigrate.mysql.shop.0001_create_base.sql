CREATE TABLE `base` (`id` integer AUTO_INCREMENT NOT NULL PRIMARY KEY, `label` varchar(20) NOT NULL);
