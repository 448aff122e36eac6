package dev.retort.runtime.evolution;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JPA domain for the tests of {@code -Aretort.entities=jpa}: a mapped superclass, an
 * embeddable embedded twice (once with overrides), a many-to-one, a one-to-one, a many-to-many
 * mapped on both sides, an index, a unique constraint, enums by name and by ordinal, and an entity
 * mapped to a view ({@code @View}). {@link JpaEntitiesTest} applies its migration on
 * each database; the {@code spring-boot} module's Hibernate test validates the migrated schema
 * against the same classes. {@link #SEQUENCED_SOURCES} adds entities whose keys come from sequences,
 * which SQLite has none of.
 */
public final class JpaDomain {

  /** The package of the entities. */
  public static final String PACKAGE = Entities.PACKAGE;

  /** The entity classes, by simple name. */
  public static final List<String> ENTITIES = List.of("Customer", "Card", "Coupon", "PurchaseOrder", "CustomerTotal");

  private static final String DIR = PACKAGE.replace('.', '/') + "/";

  /** The entity sources, by path under the source directory. */
  public static final Map<String, String> SOURCES = Map.of(
      DIR + "BaseEntity.java", """
          package com.example.shop;

          import jakarta.persistence.*;
          import java.time.Instant;

          // tag::base-entity[]
          @MappedSuperclass
          public abstract class BaseEntity {
            @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
            @Column(nullable = false) Instant createdAt;
          }
          // end::base-entity[]
          """,
      DIR + "Address.java", """
          package com.example.shop;

          import jakarta.persistence.*;

          @Embeddable
          public class Address {
            @Column(length = 100) String street;
            @Column(length = 10) String postCode;
          }
          """,
      DIR + "Customer.java", """
          package com.example.shop;

          import jakarta.persistence.*;

          // tag::customer[]
          @Entity
          @Table(name = "customers", uniqueConstraints = @UniqueConstraint(columnNames = "email"))
          public class Customer extends BaseEntity {
            @Column(nullable = false, length = 200) String email;
            @Embedded Address billing;
            @Embedded
            @AttributeOverride(name = "street", column = @Column(name = "ship_street", length = 100))
            @AttributeOverride(name = "postCode", column = @Column(name = "ship_post_code", length = 10))
            Address shipping;
            @Enumerated(EnumType.STRING) @Column(length = 10) Tier tier;
            public enum Tier { BASIC, GOLD }
          }
          // end::customer[]
          """,
      DIR + "Card.java", """
          package com.example.shop;

          import jakarta.persistence.*;

          import java.util.Set;

          @Entity
          public class Card extends BaseEntity {
            @Column(nullable = false, length = 19) String number;
            @Column(secondPrecision = 0) java.time.LocalDateTime activatedAt;
            java.time.LocalTime cutoff;
            @ManyToMany Set<Coupon> coupons;
          }
          """,
      DIR + "Coupon.java", """
          package com.example.shop;

          import jakarta.persistence.*;
          import java.util.Set;

          // tag::coupon[]
          @Entity
          @Table(comment = "discount codes",
              check = @CheckConstraint(constraint = "discount between 1 and 100"))
          public class Coupon extends BaseEntity {
            @Column(length = 20, comment = "as printed",
                check = @CheckConstraint(name = "ck_coupon_code_length", constraint = "length(code) >= 4"))
            String code;
            Integer discount;
            @ManyToMany(mappedBy = "coupons") Set<Card> cards;
          }
          // end::coupon[]
          """,
      DIR + "PurchaseOrder.java", """
          package com.example.shop;

          import jakarta.persistence.*;
          import java.math.BigDecimal;

          // tag::purchase-order[]
          @Entity
          @Table(indexes = @Index(name = "ix_orders_placed", columnList = "placedOn, status"))
          public class PurchaseOrder extends BaseEntity {
            @ManyToOne(optional = false) Customer customer;
            @OneToOne Card paidWith;
            java.time.LocalDate placedOn;
            Status status;
            @Column(precision = 12, scale = 2) BigDecimal total;
            @Version int version;
            public enum Status { OPEN, PAID, SHIPPED }
          }
          // end::purchase-order[]
          """,
      DIR + "CustomerTotal.java", """
          package com.example.shop;

          import dev.retort.View;
          import jakarta.persistence.*;

          // tag::customer-total[]
          @Entity
          @Table(name = "customer_totals")
          @View("SELECT customer_id, count(*) AS orders FROM purchase_order GROUP BY customer_id")
          public class CustomerTotal {
            @Id Long customerId;
            Long orders;
          }
          // end::customer-total[]
          """);

  /** The entities of {@link #SEQUENCED_SOURCES}, by name within {@link #PACKAGE}. */
  public static final List<String> SEQUENCED_ENTITIES =
      List.of("Invoice", "Receipt", "Parcel", "Shipment", "Voucher", "Letter", "billing.CreditNote");

  /**
   * Entities whose keys come from sequences: Hibernate's default for {@code @GeneratedValue}
   * ({@code invoice_seq}), named after the table rather than the entity ({@code vouchers_seq}), one sequence shared by two {@code @SequenceGenerator}s, on a field and on a
   * class ({@code document_ids}), and a generator without a sequence name ({@code shipment_ids}); a
   * generator a package declares in its {@code package-info.java} ({@code billing_ids}), which a
   * {@code @GeneratedValue} without a generator in that package takes, and an entity of another
   * package by its name ({@code Letter}).
   */
  public static final Map<String, String> SEQUENCED_SOURCES = Map.of(
      DIR + "Invoice.java", """
          package com.example.shop;

          import jakarta.persistence.*;

          // tag::invoice[]
          @Entity
          public class Invoice {
            @Id @GeneratedValue Long id;
            @Column(nullable = false, length = 20) String number;
          }
          // end::invoice[]
          """,
      DIR + "Receipt.java", """
          package com.example.shop;

          import jakarta.persistence.*;

          // tag::receipt[]
          @Entity
          public class Receipt {
            @Id
            @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "receiptIds")
            @SequenceGenerator(name = "receiptIds", sequenceName = "document_ids", initialValue = 1000,
                allocationSize = 10)
            Long id;
          }
          // end::receipt[]
          """,
      DIR + "Parcel.java", """
          package com.example.shop;

          import jakarta.persistence.*;

          @Entity
          @SequenceGenerator(name = "parcelIds", sequenceName = "document_ids", initialValue = 1000,
              allocationSize = 10)
          public class Parcel {
            @Id @GeneratedValue(generator = "parcelIds") Long id;
          }
          """,
      DIR + "Shipment.java", """
          package com.example.shop;

          import jakarta.persistence.*;

          @Entity
          public class Shipment {
            @Id
            @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "shipment_ids")
            @SequenceGenerator(name = "shipment_ids", allocationSize = 1)
            long id;
          }
          """,
      DIR + "Voucher.java", """
          package com.example.shop;

          import jakarta.persistence.*;

          @Entity(name = "GiftVoucher")
          @Table(name = "vouchers")
          public class Voucher {
            @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Integer id;
          }
          """,
      DIR + "Letter.java", """
          package com.example.shop;

          import jakarta.persistence.*;

          @Entity
          public class Letter {
            @Id @GeneratedValue(generator = "billingIds") Long id;
          }
          """,
      DIR + "billing/package-info.java", """
          // tag::billing-package[]
          @SequenceGenerator(name = "billingIds", sequenceName = "billing_ids", initialValue = 500,
              allocationSize = 5)
          package com.example.shop.billing;

          import jakarta.persistence.SequenceGenerator;
          // end::billing-package[]
          """,
      DIR + "billing/CreditNote.java", """
          package com.example.shop.billing;

          import jakarta.persistence.*;

          // tag::credit-note[]
          @Entity
          public class CreditNote {
            @Id @GeneratedValue Long id;
          }
          // end::credit-note[]
          """);

  /** {@link #SOURCES} and {@link #SEQUENCED_SOURCES}. */
  public static Map<String, String> allSources() {
    Map<String, String> all = new HashMap<>(SOURCES);
    all.putAll(SEQUENCED_SOURCES);
    return all;
  }

  private JpaDomain() {}
}
