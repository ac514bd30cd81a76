package com.example.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

@Entity
public class SkillTag {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String tagName;
}
