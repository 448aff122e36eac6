package dev.retort.model;

import static dev.retort.model.Fixtures.builder;
import static dev.retort.model.Fixtures.foreignKey;
import static dev.retort.model.Fixtures.identity;
import static dev.retort.model.Fixtures.index;
import static dev.retort.model.Fixtures.keyed;
import static dev.retort.model.Fixtures.notNull;
import static dev.retort.model.Fixtures.nullable;
import static dev.retort.model.Fixtures.schema;
import static dev.retort.model.Fixtures.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.model.ColumnType.Scalar;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What {@link TableModel} and {@link SchemaModel} accept, and what equality means for them. */
class SchemaModelTest {

  @Test
  void tablesAreSortedByName() {
    SchemaModel model = schema(table("orders", identity("id")), table("books", identity("id")));

    assertThat(model.tables()).extracting(TableModel::name).containsExactly("books", "orders");
    assertThat(model.table("orders")).isPresent();
    assertThat(model.table("users")).isEmpty();
  }

  @Test
  void twoTablesOfOneNameAreRefused() {
    assertThatThrownBy(() -> schema(table("users", identity("id")), table("users", identity("id"))))
        .isInstanceOf(SchemaException.class)
        .hasMessage("the schema has two tables named users");
  }

  @Test
  void oneConstraintNameOnTwoTablesIsRefused() {
    assertThatThrownBy(() -> schema(
            builder("users", nullable("email", Scalar.TEXT)).index(index("ix_email", "email")).build(),
            builder("people", nullable("email", Scalar.TEXT)).unique(new UniqueModel("ix_email", List.of("email")))
                .build()))
        .isInstanceOf(SchemaException.class)
        .hasMessage("constraint or index name ix_email is used on both people and users; such names must be unique"
            + " across the schema");
  }

  @Test
  void foreignKeyToAMissingTableIsRefused() {
    assertThatThrownBy(() -> schema(builder("orders", notNull("user_id", Scalar.BIGINT))
            .foreignKey(foreignKey("fk_orders_user", "user_id", "users", "id")).build()))
        .isInstanceOf(SchemaException.class)
        .hasMessage("foreign key fk_orders_user on orders references missing table users");
  }

  @Test
  void foreignKeyToAMissingColumnIsRefused() {
    assertThatThrownBy(() -> schema(table("users", identity("uid")), builder("orders", notNull("user_id", Scalar.BIGINT))
            .foreignKey(foreignKey("fk_orders_user", "user_id", "users", "id")).build()))
        .isInstanceOf(SchemaException.class)
        .hasMessage("foreign key fk_orders_user on orders references missing column users.id");
  }

  @Test
  void oneEnumNameWithTwoListsOfValuesIsAllowedBetweenTheStepsOfAMigration() {
    ColumnType before = new ColumnType.Enumerated("status", List.of("new"));
    ColumnType after = new ColumnType.Enumerated("status", List.of("new", "paid"));

    SchemaModel model = schema(table("orders", nullable("status", after)), table("returns", nullable("status", before)));

    assertThat(model.tables()).hasSize(2);
  }

  @Test
  void tableWithoutColumnsIsRefused() {
    assertThatThrownBy(() -> TableModel.of("empty", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("table empty has no columns");
  }

  @Test
  void twoColumnsOfOneNameAreRefused() {
    assertThatThrownBy(() -> table("users", nullable("email", Scalar.TEXT), notNull("email", Scalar.TEXT)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("table users has two columns named email");
  }

  @Test
  void constraintOnAnUnknownColumnIsRefused() {
    assertThatThrownBy(() -> builder("users", identity("id")).index(index("ix_users_email", "email")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("index ix_users_email on table users names unknown column email");
  }

  @Test
  void nullablePrimaryKeyColumnIsRefused() {
    assertThatThrownBy(() -> builder("tags", nullable("name", Scalar.TEXT))
            .primaryKey(Optional.of(new PrimaryKeyModel("pk_tags", List.of("name")))).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("primary key column tags.name is nullable; key columns are NOT NULL");
  }

  @Test
  void twoConstraintsOfOneNameOnATableAreRefused() {
    assertThatThrownBy(() -> keyed("users", nullable("email", Scalar.TEXT))
            .check(new CheckModel("pk_users", "email <> ''")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("table users has two constraints or indexes named pk_users");
  }

  @Test
  void columnOrderIsNotPartOfATablesIdentity() {
    TableModel one = table("users", identity("id"), nullable("email", Scalar.TEXT));
    TableModel other = table("users", nullable("email", Scalar.TEXT), identity("id"));

    assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
    assertThat(one.columnNames()).containsExactly("id", "email");
  }

  @Test
  void constraintsAreSortedByName() {
    TableModel table = builder("users", nullable("a", Scalar.TEXT), nullable("b", Scalar.TEXT))
        .index(index("ix_b", "b"))
        .index(index("ix_a", "a"))
        .build();

    assertThat(table.indexes()).extracting(IndexModel::name).containsExactly("ix_a", "ix_b");
    assertThat(table).isEqualTo(builder("users", nullable("a", Scalar.TEXT), nullable("b", Scalar.TEXT))
        .index(index("ix_a", "a")).index(index("ix_b", "b")).build());
  }

  @Test
  void identityColumnMustBeAnIntegerThatIsNotNullAndHasNoDefault() {
    assertThatThrownBy(() -> new ColumnModel("id", Scalar.TEXT, false, Optional.empty(), true, Optional.empty()))
        .hasMessage("identity column id has type text; it must be an integer type");
    assertThatThrownBy(() -> new ColumnModel("id", Scalar.BIGINT, true, Optional.empty(), true, Optional.empty()))
        .hasMessage("identity column id cannot be nullable");
    assertThatThrownBy(() -> new ColumnModel("id", Scalar.BIGINT, false, Optional.of(DefaultValue.literal("1")), true,
            Optional.empty()))
        .hasMessage("identity column id cannot have a default");
  }
}
