INSERT INTO city (id, name) VALUES (12, 'Turku')
GO
INSERT INTO city (id, name) VALUES (13, 'Espoo')
GO
