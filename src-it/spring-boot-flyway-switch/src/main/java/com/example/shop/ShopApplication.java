package com.example.shop;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootApplication
public class ShopApplication {
    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }

    /** Reads the schema once the application is up, whichever tool built it. */
    @Bean
    CommandLineRunner report(JdbcTemplate jdbc) {
        return args -> System.out.println("Customer totals: " + String.join(", ", jdbc.queryForList(
                "SELECT name || ' ' || total FROM customer_totals ORDER BY id", String.class)));
    }
}
