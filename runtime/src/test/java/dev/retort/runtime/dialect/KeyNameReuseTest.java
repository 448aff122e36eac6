package dev.retort.runtime.dialect;

import static dev.retort.dsl.ColumnOption.identity;
import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.bigint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.dsl.Schema;
import dev.retort.model.SchemaDiff;
import dev.retort.model.SchemaModel;
import dev.retort.runtime.testdb.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A primary key's name that a dropped table frees for another table: the generated migration runs on every
 * database, identity column and all, both ways (MySQL and MariaDB refuse a key dropped from under its
 * {@code AUTO_INCREMENT} column).
 */
class KeyNameReuseTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aDroppedTablesKeyNameGoesToAnotherTable(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase database = TestDatabase.create(kind); Migrator migrator = Migrator.open(database)) {
      migrator.apply(new Schema()
          .createTable("orders", t -> t.column("id", bigint(), identity()).primaryKey("pk", "id"))
          .createTable("codes", t -> t.column("code", bigint(), notNull())));
      SchemaModel before = migrator.model();
      SchemaModel after = new Schema().createTable("codes", t -> t.column("code", bigint(), notNull())
          .primaryKey("pk", "code")).operations().stream().reduce(SchemaModel.empty(), SchemaModel::apply,
              (a, b) -> b);

      migrator.apply(SchemaDiff.diff(before, after));
      assertThat(migrator.differences()).isEmpty();

      migrator.apply(SchemaDiff.diff(after, before));
      assertThat(migrator.differences()).isEmpty();
    }
  }
}
