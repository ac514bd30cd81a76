package com.example.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import java.util.Set;

/** Spring Boot names this table agent_profile and its columns in snake case. */
@Entity
public class AgentProfile {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String displayName;

    @ManyToMany
    Set<SkillTag> skillTags;
}
