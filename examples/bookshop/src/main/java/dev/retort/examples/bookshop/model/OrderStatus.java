package dev.retort.examples.bookshop.model;

/** Where an order is in its life; stored as the enum type {@code order_status}. */
public enum OrderStatus {
  /** Placed, not yet paid. */
  NEW,
  /** Paid, waiting to be shipped. */
  PAID,
  /** Handed to the carrier. */
  SHIPPED,
  /** Called off before it was shipped. */
  CANCELLED
}
