package com.example.notes.model;

import dev.retort.Column;
import dev.retort.Id;
import dev.retort.Table;

/**
 * A note: the one entity of the modular sample application.
 *
 * @param id the key
 * @param text what the note says
 */
@Table(name = "notes")
public record Note(@Id long id, @Column(length = 200) String text) {}
