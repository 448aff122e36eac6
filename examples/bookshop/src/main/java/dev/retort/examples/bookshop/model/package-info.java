/**
 * The bookshop's entities: each {@code @Table} record declares one table. The Retort
 * processor compares them with the committed migrations in
 * {@code dev.retort.examples.bookshop.migration} at every build.
 */
package dev.retort.examples.bookshop.model;
