package dev.migrate.autogen.entity.matrix;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "matrix_login_event")
public class LoginEvent extends Event {
    @Column(length = 45)
    String address;
}
