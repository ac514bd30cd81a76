INSERT INTO city (id, name) VALUES (1, 'Zürich');
INSERT INTO city (id, name) VALUES (2, 'Genève');
