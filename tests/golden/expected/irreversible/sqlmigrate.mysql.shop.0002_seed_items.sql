INSERT INTO items (name) VALUES ('kept');
