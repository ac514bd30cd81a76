package com.example.ops;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** What the application writes between releases: customers with an order, and notes. */
public final class Rows {
    private Rows() {
    }

    public static void main(String[] args) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection("jdbc:postgresql://localhost:25937/app", "app", "sql-files-pw");
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO customers (id, name, email) VALUES (1, 'Ada', 'ada@example.com'),"
                    + " (2, 'Grace', NULL)");
            statement.execute("INSERT INTO orders (customer_id, total) VALUES (1, 12.50)");
            statement.execute("INSERT INTO notes (id, body) VALUES (1, 'call back'), (2, 'sent'), (3, 'paid')");
        }
    }
}
