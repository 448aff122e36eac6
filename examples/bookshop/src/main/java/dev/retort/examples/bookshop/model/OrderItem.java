package dev.retort.examples.bookshop.model;

import static dev.retort.Column.Nullability.NOT_NULL;

import dev.retort.Column;
import dev.retort.Id;
import dev.retort.ReferentialAction;
import dev.retort.References;
import dev.retort.RenamedFrom;
import dev.retort.Table;
import java.math.BigDecimal;

/**
 * One book in an order; its key is the order and the line number. The table was called
 * {@code order_lines} until the shop's vocabulary settled on "items".
 *
 * @param orderId the order, whose deletion deletes its lines
 * @param lineNo the line's position in the order, from 1
 * @param bookId the book
 * @param quantity how many copies
 * @param unitPrice the price of one copy when the order was placed
 */
// tag::entity[]
// tag::table-rename[]
@Table(name = "order_items")
@RenamedFrom("order_lines")
public record OrderItem(
// end::table-rename[]
    @Id @References(value = Order.class, onDelete = ReferentialAction.CASCADE) long orderId,
    @Id int lineNo,
    @References(Book.class) long bookId,
    int quantity,
    @Column(precision = 10, scale = 2, nullable = NOT_NULL) BigDecimal unitPrice) {}
// end::entity[]
