package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.junit.MigrateTo;
import dev.migrate.junit.MigrationDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusMigrationTest {

    @Test
    @MigrateTo("20261120_093000")
    void customersOfThePartnerDomainBecomePartners(MigrationDatabase db, Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO customers (email) VALUES ('ada@partner.example'), ('bob@example.com')");
        }

        db.upgrade("20261122_101500");

        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT status FROM customers ORDER BY email")) {
            rs.next();
            assertEquals("partner", rs.getString(1));
            rs.next();
            assertEquals("active", rs.getString(1));
        }
        assertEquals(List.of("20261122_101500"), db.current());
    }
}
