package dev.migrate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.MigrationListener;
import dev.migrate.observability.MicrometerListener;
import dev.migrate.observability.OpenTelemetryListener;
import dev.migrate.spring.fixtures.M2SeedThings;
import dev.migrate.testing.TestPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The meters and spans of the migration at startup, in a real application context against the embedded
 * PostgreSQL: the listeners come with the application's {@code MeterRegistry} and {@code OpenTelemetry}
 * (Spring Boot's own, or beans of the application), and not without them or without migrate-observability.
 */
class MigrateObservabilityTest {
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private DataSource dataSource;
    private ApplicationContextRunner runner;

    @BeforeEach
    void freshDatabase() {
        dataSource = TestPostgres.dataSource(TestPostgres.createDatabase("starter_observed"));
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        MigrateAutoConfiguration.class, MigrateObservabilityAutoConfiguration.class))
                .withBean(DataSource.class, () -> dataSource)
                .withBean(M2SeedThings.class, () -> new M2SeedThings("observed"))
                .withPropertyValues("migrate.packages=dev.migrate.spring.fixtures");
    }

    private SdkTracerProvider tracerProvider() {
        return SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(spans))
                .build();
    }

    private List<SpanData> named(String name) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals(name))
                .toList();
    }

    @Test
    void springBootsOwnRegistryAndOpenTelemetryGetTheStartupsMetersAndSpans() {
        runner.withConfiguration(AutoConfigurations.of(
                        MetricsAutoConfiguration.class,
                        CompositeMeterRegistryAutoConfiguration.class,
                        SimpleMetricsExportAutoConfiguration.class,
                        OpenTelemetryAutoConfiguration.class))
                .withBean(SdkTracerProvider.class, this::tracerProvider)
                .run(context -> {
                    assertThat(context)
                            .hasNotFailed()
                            .hasSingleBean(MicrometerListener.class)
                            .hasSingleBean(OpenTelemetryListener.class);
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(registry.get(MicrometerListener.STEP_DURATION)
                                    .tags("revision", "s2", "direction", "upgrade")
                                    .timer()
                                    .count())
                            .isEqualTo(1);
                    assertThat(registry.get(MicrometerListener.RUN_DURATION)
                                    .tags("outcome", "success", "fleet", "false")
                                    .timer()
                                    .count())
                            .isEqualTo(1);
                    assertThat(registry.get(MicrometerListener.LOCK_WAIT)
                                    .tags("kind", "migration_lock")
                                    .timer()
                                    .count())
                            .isEqualTo(1);

                    SpanData run = named("migrate upgrade").get(0);
                    assertThat(run.getAttributes().get(AttributeKey.stringKey("migrate.lock")))
                            .isEqualTo("public.migrate_version");
                    assertThat(named("migrate step"))
                            .extracting(s -> s.getAttributes().get(AttributeKey.stringKey("migrate.revision")))
                            .containsExactly("s1", "s2");
                    assertThat(named("migrate step"))
                            .allSatisfy(s -> assertThat(s.getParentSpanId()).isEqualTo(run.getSpanId()));
                });
    }

    @Test
    void theApplicationsOwnBeansAndItsOwnListenerAreUsedAsTheyAre() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        OpenTelemetrySdk openTelemetry =
                OpenTelemetrySdk.builder().setTracerProvider(tracerProvider()).build();
        OpenTelemetryListener own = new OpenTelemetryListener(openTelemetry, Duration.ZERO);
        runner.withBean(MeterRegistry.class, () -> registry)
                .withBean(OpenTelemetry.class, () -> openTelemetry)
                .withBean(OpenTelemetryListener.class, () -> own)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(MicrometerListener.class);
                    assertThat(context.getBean(OpenTelemetryListener.class)).isSameAs(own);
                    assertThat(registry.get(MicrometerListener.STEP_DURATION).timers())
                            .hasSize(2);
                    assertThat(named("migrate statement"))
                            .as("the application's listener, with its threshold of zero, traces every statement")
                            .isNotEmpty();
                });
        openTelemetry.close();
    }

    @Test
    void withoutARegistryOrOpenTelemetryOrWithoutTheModuleNoListenerIsAdded() {
        runner.run(context -> assertThat(context)
                .hasNotFailed()
                .doesNotHaveBean(MicrometerListener.class)
                .doesNotHaveBean(OpenTelemetryListener.class));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        runner.withBean(MeterRegistry.class, () -> registry)
                .withBean(OpenTelemetry.class, OpenTelemetry::noop)
                .withClassLoader(new FilteredClassLoader("dev.migrate.observability"))
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(MigrationListener.class);
                    assertThat(registry.getMeters()).isEmpty();
                });
    }
}
