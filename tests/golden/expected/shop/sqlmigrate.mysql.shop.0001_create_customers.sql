CREATE TABLE `customers` (`id` integer AUTO_INCREMENT NOT NULL PRIMARY KEY, `name` varchar(100) NOT NULL, `email` varchar(254) NOT NULL, CONSTRAINT `customers_email_uniq` UNIQUE (`email`));
