INSERT INTO city (id, name) VALUES (10, 'Oslo')
/
INSERT INTO city (id, name) VALUES (11, 'Bergen')
/
