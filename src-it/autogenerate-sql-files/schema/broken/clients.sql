CREATE TABLE clients (id bigint PRIMARY KEY);

CREATE INDEX clients_x ON clients (nope);
