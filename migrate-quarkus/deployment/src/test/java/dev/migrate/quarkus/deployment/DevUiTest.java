package dev.migrate.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fixtures.devui.Customer;
import fixtures.devui.V1CreateCustomers;
import io.quarkus.devui.tests.DevUIJsonRPCTest;
import io.quarkus.test.QuarkusDevModeTest;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Dev UI of an application in dev mode, through its JSON-RPC as the page calls it: {@code check} names what the
 * entities have that the chain does not build (replayed on throwaway embedded servers), on an application without a
 * datasource URL, which runs on the embedded server.
 */
class DevUiTest extends DevUIJsonRPCTest {
    @RegisterExtension
    static final QuarkusDevModeTest APPLICATION = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClasses(Customer.class, V1CreateCustomers.class)
                    .addAsResource(new StringAsset("""
                                    quarkus.datasource.db-kind=postgresql
                                    quarkus.datasource.devservices.enabled=false
                                    quarkus.migrate.migrate-at-start=true
                                    quarkus.migrate.packages=fixtures.devui
                                    """), "application.properties"));

    DevUiTest() {
        super("migrate-quarkus");
    }

    @Test
    void theCardComparesTheEntitiesWithTheChain() throws Exception {
        JsonNode report = executeJsonRPCMethod("check");
        assertThat(report.get("differences").toString()).as(report.toString()).contains("customers.email");
        assertThat(report.get("failed").asBoolean()).isTrue();
        assertThat(report.get("text").asText()).contains("Write the migration with the Dev UI's");
    }
}
