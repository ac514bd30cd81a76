package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.junit.MigrationChain;
import dev.migrate.junit.MigrationDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs last (junit-platform.properties): every earlier test's database and connection is gone. */
@MigrationChain
class ZNothingLeftBehindTest {
    @Test
    void onlyThisTestsDatabaseIsLeft(MigrationDatabase db, Connection c) throws SQLException {
        Leftovers.assertNoneBut(db, c);
    }

    @Test
    void theRunUsesTheLinesJunit() throws ClassNotFoundException {
        String line = System.getProperty("junit.version");
        assertEquals(line, ExtensionContext.class.getPackage().getImplementationVersion());
        assertEquals(line, Class.forName("org.junit.jupiter.engine.JupiterTestEngine")
                .getPackage().getImplementationVersion());
    }
}
