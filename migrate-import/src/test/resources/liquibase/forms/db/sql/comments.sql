-- the cities of the north; a comment with a ; in it
INSERT INTO city (id, name) VALUES (20, 'Tromsø'); /* a block comment; also with ; */
/* before */ INSERT INTO city (id, name) VALUES (21, 'Umeå');
