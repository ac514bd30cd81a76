package com.example.ops;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What an operator types in psql on the live database, outside the migrations: {@code change} renames a
 * region and opens an account in France; {@code restore} puts the region's name back and keeps the account;
 * {@code close} closes that account.
 */
public final class HandEdit {
    private HandEdit() {
    }

    public static void main(String[] args) throws SQLException {
        String url = "jdbc:postgresql://localhost:25963/app";
        try (Connection connection = DriverManager.getConnection(url, "app", "rows-pw");
                Statement statement = connection.createStatement()) {
            if (args[0].equals("change")) {
                statement.executeUpdate("UPDATE regions SET name = 'Europa' WHERE code = 'EU'");
                statement.executeUpdate("INSERT INTO accounts (id, email, country_id) "
                        + "SELECT 100, 'claire@example.fr', id FROM countries WHERE code = 'FR'");
            } else if (args[0].equals("restore")) {
                statement.executeUpdate("UPDATE regions SET name = 'Europe' WHERE code = 'EU'");
            } else {
                statement.executeUpdate("DELETE FROM accounts WHERE email = 'claire@example.fr'");
            }
        }
    }
}
