package dev.acme.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "shop_setting")
public class ShopSetting {
    @Id
    @Column(length = 50)
    String name;

    @Column(name = "setting_value", length = 200)
    String value;
}
