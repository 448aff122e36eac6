package com.example.shop.model;

import dev.retort.Column;
import dev.retort.Id;
import dev.retort.Table;

/**
 * A customer of the shop.
 *
 * @param id the key
 * @param email where to write to
 * @param phone a phone number, if the customer gave one
 */
@Table(name = "customers")
public record Customer(
    @Id long id,
    @Column(length = 255, unique = true) String email,
    @Column(length = 20) String phone) {}
