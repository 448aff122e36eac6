package dev.retort.runtime.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.SchemaException;
import dev.retort.model.SchemaModel;
import dev.retort.operation.AddColumn;
import dev.retort.operation.Execute;
import dev.retort.operation.JdbcStep;
import dev.retort.operation.Operation;
import dev.retort.operation.Vendor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every dialect does alike: quoting, raw SQL, Java steps, refusals, and its whole type mapping. */
class DialectContractTest {

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void quotesIdentifiersDoublingTheQuoteCharacter(Vendor vendor) {
    Dialect dialect = Dialects.forVendor(vendor);
    String quote = vendor == Vendor.MYSQL || vendor == Vendor.MARIADB ? "`" : "\"";
    assertThat(dialect.quote("order")).isEqualTo(quote + "order" + quote);
    assertThat(dialect.quote("a" + quote + "b")).isEqualTo(quote + "a" + quote + quote + "b" + quote);
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void executeRunsTheStatementWrittenForTheDatabase(Vendor vendor) {
    Execute execute = new Execute(Optional.of("UPDATE t SET a = 1"),
        Map.of(Vendor.POSTGRESQL, "UPDATE t SET a = true", Vendor.MYSQL, "UPDATE `t` SET a = 1"));
    String expected = Map.of(Vendor.POSTGRESQL, "UPDATE t SET a = true", Vendor.MYSQL, "UPDATE `t` SET a = 1",
        Vendor.MARIADB, "UPDATE `t` SET a = 1").getOrDefault(vendor, "UPDATE t SET a = 1");
    assertThat(Dialects.forVendor(vendor).render(execute, Shop.schema())).containsExactly(Step.Sql.of(expected));
  }

  @ParameterizedTest
  @EnumSource(value = Vendor.class, names = {"H2", "SQLITE", "MYSQL", "MARIADB"})
  void executeWithoutSqlForTheDatabaseNamesTheOperationAndTheDatabase(Vendor vendor) {
    Execute execute = new Execute(Optional.empty(), Map.of(Vendor.POSTGRESQL, "REFRESH MATERIALIZED VIEW totals"));
    Dialect dialect = Dialects.forVendor(vendor);
    assertThatThrownBy(() -> dialect.render(execute, Shop.schema()))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageStartingWith("cannot execute REFRESH MATERIALIZED VIEW totals on " + dialect
            + ": the operation has no SQL for " + vendor)
        .hasMessageEndingWith("; give it a statement for " + vendor + " or one for every database");
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void jdbcStepBecomesACallbackOfTheSameStep(Vendor vendor) {
    JdbcStep step = new JdbcStep("backfill tag names", connection -> { });
    assertThat(Dialects.forVendor(vendor).render(step, Shop.schema())).containsExactly(new Step.Callback(step));
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void refusesAnOperationThatDoesNotFitTheSchema(Vendor vendor) {
    assertThatThrownBy(() -> Dialects.forVendor(vendor).render(Shop.dropOrder(), SchemaModel.empty()))
        .isInstanceOf(SchemaException.class)
        .hasMessageContaining("drop table order");
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void refusesALiteralDefaultThatIsNotANumberForANumericColumn(Vendor vendor) {
    AddColumn add = new AddColumn("tag", ColumnModel.of("rank", ColumnType.Scalar.INTEGER)
        .withDefaultValue(Shop.literal("high")));
    assertThatThrownBy(() -> Dialects.forVendor(vendor).render(add, Shop.schema()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the default 'high' of column tag.rank is not an integer, but the column is integer");
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void writesBooleanDefaultsAsTheDatabaseReadsThem(Vendor vendor) {
    AddColumn add = new AddColumn("tag", ColumnModel.of("visible", ColumnType.Scalar.BOOLEAN)
        .withDefaultValue(Shop.literal("false")));
    String expected = vendor == Vendor.SQLITE ? " DEFAULT 0" : " DEFAULT FALSE";
    assertThat(Rendering.render(Dialects.forVendor(vendor), Shop.schema(), add)).contains(expected);
  }

  @Test
  void mapsEveryColumnTypeAsItsDialectDocuments() {
    List<ColumnType> types = new ArrayList<>(List.of(ColumnType.Scalar.values()));
    types.addAll(List.of(ColumnType.decimal(12, 2), ColumnType.fixedChar(3), ColumnType.varchar(20),
        ColumnType.binary(16), ColumnType.varbinary(64), ColumnType.enumType("state", "on", "off")));
    Map<Vendor, List<String>> expected = Map.of(
        Vendor.H2, List.of("SMALLINT", "INTEGER", "BIGINT", "BOOLEAN", "REAL", "DOUBLE PRECISION",
            "CHARACTER VARYING", "DATE", "TIME(6)", "TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "UUID", "BLOB", "JSON",
            "DECIMAL(12,2)", "CHAR(3)", "VARCHAR(20)", "BINARY(16)", "VARBINARY(64)", "ENUM('on','off')"),
        Vendor.SQLITE, List.of("SMALLINT", "INTEGER", "BIGINT", "BOOLEAN", "REAL", "DOUBLE", "TEXT", "DATE", "TIME",
            "TIMESTAMP", "TIMESTAMPTZ", "UUID", "BLOB", "TEXT", "DECIMAL(12,2)", "CHAR(3)", "VARCHAR(20)",
            "BINARY(16)", "VARBINARY(64)", "TEXT"),
        Vendor.POSTGRESQL, List.of("smallint", "integer", "bigint", "boolean", "real", "double precision", "text",
            "date", "time", "timestamp", "timestamptz", "uuid", "bytea", "jsonb", "numeric(12,2)", "char(3)",
            "varchar(20)", "bytea", "bytea", "\"state\""),
        Vendor.MYSQL, List.of("SMALLINT", "INT", "BIGINT", "BOOLEAN", "FLOAT", "DOUBLE", "LONGTEXT", "DATE",
            "TIME(6)", "DATETIME(6)", "TIMESTAMP(6)", "CHAR(36)", "LONGBLOB", "JSON", "DECIMAL(12,2)", "CHAR(3)",
            "VARCHAR(20)", "BINARY(16)", "VARBINARY(64)", "ENUM('on','off')"),
        Vendor.MARIADB, List.of("SMALLINT", "INT", "BIGINT", "BOOLEAN", "FLOAT", "DOUBLE", "LONGTEXT", "DATE",
            "TIME(6)", "DATETIME(6)", "TIMESTAMP(6)", "UUID", "LONGBLOB", "JSON", "DECIMAL(12,2)", "CHAR(3)",
            "VARCHAR(20)", "BINARY(16)", "VARBINARY(64)", "ENUM('on','off')"));
    for (Vendor vendor : Vendor.values()) {
      Dialect dialect = Dialects.forVendor(vendor);
      assertThat(types.stream().map(dialect::columnType).toList()).as(vendor.name()).isEqualTo(expected.get(vendor));
    }
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void needsTransactionsForDdlOnlyWhereTheDatabaseHasThem(Vendor vendor) {
    assertThat(Dialects.forVendor(vendor).transactionalDdl())
        .isEqualTo(vendor == Vendor.POSTGRESQL || vendor == Vendor.SQLITE);
  }

  @ParameterizedTest
  @EnumSource(value = Vendor.class, names = {"H2", "POSTGRESQL", "MYSQL", "MARIADB"})
  void onlySqliteMergesTableRebuilds(Vendor vendor) {
    Dialect dialect = Dialects.forVendor(vendor);
    SchemaModel before = Shop.schema();
    Operation widen = Shop.widenTotal();

    assertThat(dialect.rebuiltTable(widen, before, before.apply(widen))).isEmpty();
    assertThatThrownBy(() -> dialect.renderRebuild("order", before, before.apply(widen)))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage(dialect + " does not render table rebuilds");
  }
}
