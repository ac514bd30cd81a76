// no dependsOn: the build writes it from the Maven dependencies (outbox)
@MigrationModule(name = "customers")
package dev.acme.customers.migrations;

import dev.migrate.annotations.MigrationModule;
