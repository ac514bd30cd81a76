package com.example.shop;

import dev.migrate.AppliedStep;
import dev.migrate.MigrationListener;
import java.util.stream.Collectors;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootApplication
public class ShopApplication {
    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }

    /** Hears each applied step, as a metrics listener would. */
    @Bean
    MigrationListener shopMigrationListener() {
        return new MigrationListener() {
            @Override public void afterStep(AppliedStep step) {
                System.out.println("Shop saw " + step.revision() + " " + step.direction().name().toLowerCase());
            }
        };
    }

    /** Uses JPA and JdbcTemplate once the application is up (on a migrated database: not in the profile behind). */
    @Bean
    @Profile("!behind")
    @Order(0)
    CommandLineRunner report(CustomerRepository customers, JdbcTemplate jdbc) {
        return args -> {
            System.out.println("Spring Boot " + SpringBootVersion.getVersion());
            String names = customers.findAll().stream().map(Customer::getName).sorted().collect(Collectors.joining(", "));
            System.out.println("Customers: " + names);
            System.out.println("Orders: " + jdbc.queryForObject("SELECT count(*) FROM purchase_order", Long.class));
        };
    }
}
