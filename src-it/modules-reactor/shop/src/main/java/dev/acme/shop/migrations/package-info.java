// the application's own revisions in a module of their own, as for a database shared with other applications
@MigrationModule(name = "shop")
package dev.acme.shop.migrations;

import dev.migrate.annotations.MigrationModule;
