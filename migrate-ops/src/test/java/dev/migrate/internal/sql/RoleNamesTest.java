package dev.migrate.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RoleNames}: every statement that names a role a replay needs, and none that only looks alike. */
class RoleNamesTest {
    @Test
    void grantsRevokesAndDefaultPrivilegesNameTheirGrantees() {
        assertThat(RoleNames.namedNotCreated(List.of(
                        "GRANT SELECT ON TABLE public.customer TO scen_reporting",
                        "GRANT SELECT, INSERT ON customer, orders TO writer, \"Mixed Case\" WITH GRANT OPTION",
                        "GRANT EXECUTE ON FUNCTION f(integer, text) TO GROUP app GRANTED BY grantor",
                        "REVOKE ALL ON SCHEMA sales FROM PUBLIC, auditor CASCADE",
                        "ALTER DEFAULT PRIVILEGES FOR ROLE owner_role IN SCHEMA sales GRANT SELECT ON TABLES TO reader",
                        "ALTER DEFAULT PRIVILEGES IN SCHEMA sales REVOKE SELECT ON TABLES FROM old_reader")))
                .containsExactly(
                        "scen_reporting",
                        "writer",
                        "Mixed Case",
                        "app",
                        "grantor",
                        "auditor",
                        "owner_role",
                        "reader",
                        "old_reader");
    }

    @Test
    void ownersPoliciesMembershipsAndAuthorizationNameRoles() {
        assertThat(RoleNames.namedNotCreated(List.of(
                        "ALTER TABLE customer OWNER TO app_owner; ALTER SCHEMA sales OWNER TO CURRENT_USER",
                        "CREATE POLICY own_rows ON customer AS PERMISSIVE FOR SELECT TO tenant_user USING (id > 0)",
                        "ALTER POLICY own_rows ON customer TO tenant_admin, public",
                        "GRANT reporting TO analyst",
                        "REVOKE ADMIN OPTION FOR writer FROM lead",
                        "CREATE SCHEMA audit AUTHORIZATION auditor_owner",
                        "SET ROLE migrator")))
                .containsExactly(
                        "app_owner",
                        "tenant_user",
                        "tenant_admin",
                        "reporting",
                        "analyst",
                        "writer",
                        "lead",
                        "auditor_owner",
                        "migrator");
    }

    @Test
    void aRoleTheChainCreatesIsNotNamedAndDoBlocksAreRead() {
        assertThat(RoleNames.namedNotCreated(List.of(
                        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'made') THEN "
                                + "CREATE ROLE made NOLOGIN; END IF; GRANT SELECT ON t TO made, in_block; END $$",
                        "CREATE USER own_user",
                        "GRANT SELECT ON t TO own_user")))
                .containsExactly("in_block");
    }

    @Test
    void namesThatOnlyLookLikeRolesAreNot() {
        assertThat(RoleNames.namedNotCreated(List.of(
                        "ALTER TABLE customer RENAME TO client",
                        "ALTER POLICY own_rows ON customer RENAME TO own",
                        "ALTER SEQUENCE customer_id_seq OWNED BY customer.id",
                        "ALTER TABLE t RENAME COLUMN a TO b",
                        "COMMENT ON TABLE t IS 'GRANT SELECT ON t TO nobody'",
                        "CREATE TABLE grants (\"to\" text, authorization_note text)")))
                .isEmpty();
    }
}
