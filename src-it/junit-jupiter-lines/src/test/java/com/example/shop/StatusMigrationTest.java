package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.junit.MigrateTo;
import dev.migrate.junit.MigrationDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Two tests that each take a connection, and leave it open for the extension to close. */
class StatusMigrationTest {

    @Test
    @MigrateTo("20261120_093000")
    void a_partnersBecomePartners(MigrationDatabase db, Connection c) throws SQLException {
        Leftovers.assertNoneBut(db, c);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO customers (email) VALUES ('ada@partner.example')");
        }
        db.upgrade("head");
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT status FROM customers")) {
            rs.next();
            assertEquals("partner", rs.getString(1));
        }
    }

    @Test
    @MigrateTo("20261120_093000")
    void b_othersBecomeActive(MigrationDatabase db, Connection c) throws SQLException {
        Leftovers.assertNoneBut(db, c);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO customers (email) VALUES ('bob@example.com')");
        }
        db.upgrade("head");
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT status FROM customers")) {
            rs.next();
            assertEquals("active", rs.getString(1));
        }
    }
}
