package dev.retort.spring.app.model;

import static dev.retort.Column.Nullability.NOT_NULL;

import dev.retort.Column;
import dev.retort.Id;
import dev.retort.Table;

/**
 * A book of the test application, whose schema the Retort processor turns into the migrations
 * beside it.
 *
 * @param id the key
 * @param title the title
 * @param published the year of publication, if known
 */
@Table(name = "books")
public record Book(
    @Id long id,
    @Column(length = 200, nullable = NOT_NULL) String title,
    Integer published) {}
