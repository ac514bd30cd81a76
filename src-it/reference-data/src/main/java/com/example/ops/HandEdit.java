package com.example.ops;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What an operator types in psql, outside the migrations. {@code change}: on the live database, renames a
 * region and opens an account in France; on the second database, still at the first migration, opens one in
 * Germany. {@code restore} puts the region's name back and keeps the accounts; {@code close} closes both.
 */
public final class HandEdit {
    private static final String SERVER = "jdbc:postgresql://localhost:25963/";

    private HandEdit() {
    }

    public static void main(String[] args) throws SQLException {
        switch (args[0]) {
            case "change" -> {
                run("app", "UPDATE regions SET name = 'Europa' WHERE code = 'EU'",
                        "INSERT INTO accounts (id, email, country_id) "
                                + "SELECT 100, 'claire@example.fr', id FROM countries WHERE code = 'FR'");
                run("plain", "INSERT INTO accounts (id, email, country_id) "
                        + "SELECT 200, 'dieter@example.de', id FROM countries WHERE code = 'DE'");
            }
            case "restore" -> run("app", "UPDATE regions SET name = 'Europe' WHERE code = 'EU'");
            case "close" -> {
                run("app", "DELETE FROM accounts WHERE id = 100");
                run("plain", "DELETE FROM accounts WHERE id = 200");
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void run(String database, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + database, "app", "rows-pw");
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.executeUpdate(sql);
            }
        }
    }
}
