@MigrationModule(name = "billing")
package dev.acme.billing.migrations;

import dev.migrate.annotations.MigrationModule;
