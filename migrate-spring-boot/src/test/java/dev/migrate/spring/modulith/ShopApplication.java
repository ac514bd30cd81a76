package dev.migrate.spring.modulith;

import org.springframework.modulith.Modulithic;

/** Fixture: a Spring Modulith application, its modules the packages below this one. */
@Modulithic
public class ShopApplication {}
