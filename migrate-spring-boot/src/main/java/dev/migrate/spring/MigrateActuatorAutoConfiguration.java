package dev.migrate.spring;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /actuator/migrate} and the {@code migrate} health indicator, when the application has Spring Boot
 * Actuator: {@code management.endpoints.web.exposure.include=health,migrate}. Each nested configuration is
 * guarded by a class its line of Spring Boot has, named by string, so no class is loaded without Actuator and
 * only the health indicator of the application's line of Spring Boot is made: 3.x's
 * {@code org.springframework.boot.actuate.health}, or 4.x's {@code org.springframework.boot.health.contributor}.
 */
@AutoConfiguration(after = MigrateAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
public class MigrateActuatorAutoConfiguration {

    /** The endpoint; Actuator's own conditions say whether it is enabled and exposed. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(
            name = "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint")
    @ConditionalOnBean(MigrateStatus.class)
    static class Endpoint {
        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnAvailableEndpoint(endpoint = MigrateEndpoint.class)
        MigrateEndpoint migrateEndpoint(ApplicationContext context) {
            return new MigrateEndpoint(context);
        }
    }

    /** The health indicator of Spring Boot 3.x, whose contract lives in spring-boot-actuator. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    @ConditionalOnBean(MigrateStatus.class)
    static class Health {
        @Bean
        @ConditionalOnMissingBean(name = "migrateHealthIndicator")
        @ConditionalOnEnabledHealthIndicator("migrate")
        MigrateHealthIndicator migrateHealthIndicator(MigrateStatus status) {
            return new MigrateHealthIndicator(status);
        }
    }

    /** The health indicator of Spring Boot 4, whose contract moved to spring-boot-health. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(
            name = {
                "org.springframework.boot.health.contributor.HealthIndicator",
                "org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator"
            })
    @ConditionalOnBean(MigrateStatus.class)
    static class Boot4Health {
        @Bean
        @ConditionalOnMissingBean(name = "migrateHealthIndicator")
        @org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator("migrate")
        dev.migrate.spring.boot4.MigrateHealthIndicator migrateHealthIndicator(MigrateStatus status) {
            return new dev.migrate.spring.boot4.MigrateHealthIndicator(status);
        }
    }
}
