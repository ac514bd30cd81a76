package dev.migrate.spring;

import dev.migrate.Migrator;
import dev.migrate.observability.MicrometerListener;
import dev.migrate.observability.OpenTelemetryListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Meters and spans of the migrations the starter runs, when the application has
 * {@code dev.migrate:migrate-observability}: a {@link MicrometerListener} on its {@code MeterRegistry} bean, an
 * {@link OpenTelemetryListener} on its {@code OpenTelemetry} bean, each only when the bean and its library are
 * there, and each heard by the migrator as every {@code MigrationListener} bean is. Each nested configuration
 * is guarded by the classes it needs, named by string, so no class is loaded without them; the ordering names
 * the auto-configurations that make those beans in Spring Boot 3.5 and 4.0.
 *
 * <pre>{@code @Bean OpenTelemetryListener openTelemetryListener(OpenTelemetry otel) { return new OpenTelemetryListener(otel, Duration.ofSeconds(1)); }}</pre>
 */
@AutoConfiguration(
        after = MigrateAutoConfiguration.class,
        afterName = {
            // Spring Boot 3.x
            "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration",
            // Spring Boot 4.x (spring-boot-micrometer-metrics, spring-boot-opentelemetry)
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
            "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration"
        })
@ConditionalOnBean(Migrator.class)
public class MigrateObservabilityAutoConfiguration {

    /** The meters, with Micrometer and a {@code MeterRegistry} bean. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(
            name = {"io.micrometer.core.instrument.MeterRegistry", "dev.migrate.observability.MicrometerListener"})
    @ConditionalOnBean(type = "io.micrometer.core.instrument.MeterRegistry")
    static class Metrics {
        @Bean
        @ConditionalOnMissingBean
        MicrometerListener migrateMicrometerListener(MeterRegistry registry) {
            return new MicrometerListener(registry);
        }
    }

    /** The spans, with the OpenTelemetry API and an {@code OpenTelemetry} bean. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(
            name = {"io.opentelemetry.api.OpenTelemetry", "dev.migrate.observability.OpenTelemetryListener"})
    @ConditionalOnBean(type = "io.opentelemetry.api.OpenTelemetry")
    static class Traces {
        @Bean
        @ConditionalOnMissingBean
        OpenTelemetryListener migrateOpenTelemetryListener(OpenTelemetry openTelemetry) {
            return new OpenTelemetryListener(openTelemetry);
        }
    }
}
