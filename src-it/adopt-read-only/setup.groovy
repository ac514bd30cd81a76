import dev.migrate.testing.ItDatabase

// A database built by hand with the constraint kinds real schemas have, and a reporting role that may connect
// and select, nothing more: its sessions are read only by default, as on a replica's user
ItDatabase.start(basedir, 25751, 'ro-pw')
def server = 'jdbc:postgresql://localhost:25751/'
ItDatabase.execute(server + 'postgres',
        'CREATE DATABASE fresh OWNER app',
        "CREATE ROLE reader LOGIN PASSWORD 'ro-pw'",
        'ALTER ROLE reader SET default_transaction_read_only = on')
ItDatabase.execute(server + 'app',
        'SET ROLE app',
        "CREATE TYPE fleet_kind AS ENUM ('city', 'regional')",
        'CREATE TABLE fleets (id integer PRIMARY KEY, name varchar(40) NOT NULL, code char(3), kind fleet_kind '
                + "CHECK (kind IN ('city', 'regional')))",
        'ALTER TABLE fleets ADD CONSTRAINT fleets_code_key UNIQUE (code) DEFERRABLE INITIALLY DEFERRED',
        'CREATE UNIQUE INDEX fleets_name_lower ON fleets (lower(name)) WHERE code IS NOT NULL',
        // what an entity maps: an enum as varchar with the check Hibernate writes for it, a check of the table
        'CREATE TABLE vehicles (id bigint NOT NULL, kind varchar(20) NOT NULL CHECK (kind IN (\'CAR\', \'TRUCK\')), '
                + 'price numeric(10,2), CONSTRAINT price_positive CHECK (price > 0))',
        'CREATE UNIQUE INDEX vehicles_id_idx ON vehicles (id)',
        'ALTER TABLE vehicles ADD CONSTRAINT vehicles_pkey PRIMARY KEY USING INDEX vehicles_id_idx',
        'CREATE TABLE bookings (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, fleet_id integer '
                + 'REFERENCES fleets (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, during tstzrange NOT NULL, '
                + "status varchar(10) NOT NULL DEFAULT 'open', seats integer, "
                + 'seats_left integer GENERATED ALWAYS AS (greatest(seats, 0)) STORED, '
                + "CONSTRAINT bookings_no_overlap EXCLUDE USING gist (during WITH &&) WHERE (status IN ('open', 'held')), "
                + "CONSTRAINT bookings_status_known CHECK (status = ANY (ARRAY['open', 'held', 'done'])))",
        "CREATE INDEX bookings_open ON bookings (fleet_id) WHERE status IN ('open', 'held')",
        "INSERT INTO fleets VALUES (1, 'North', 'NTH', 'city')",
        "INSERT INTO vehicles VALUES (1, 'CAR', 20000), (2, 'TRUCK', NULL)",
        "INSERT INTO bookings (fleet_id, during, seats) VALUES (1, tstzrange(now(), now() + interval '1 hour'), 3)")
ItDatabase.execute(server + 'app',
        'REVOKE ALL ON DATABASE app FROM PUBLIC',
        'GRANT CONNECT ON DATABASE app TO reader',
        'GRANT USAGE ON SCHEMA public TO reader',
        'GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader',
        // and on the version tables that the stamp makes later
        'ALTER DEFAULT PRIVILEGES FOR ROLE app IN SCHEMA public GRANT SELECT ON TABLES TO reader')
true
