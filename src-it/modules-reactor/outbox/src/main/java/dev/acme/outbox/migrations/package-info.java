@MigrationModule(name = "outbox")
package dev.acme.outbox.migrations;

import dev.migrate.annotations.MigrationModule;
