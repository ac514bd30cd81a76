package dev.migrate.spring.modulithbad;

import org.springframework.modulith.Modulithic;

/** Fixture: a Spring Modulith application one of whose packages declares another module name than Modulith's. */
@Modulithic
public class BadShopApplication {}
