package dev.retort.runtime.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.model.SchemaModel;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.CreateTable;
import dev.retort.operation.JdbcStep;
import dev.retort.operation.Operation;
import dev.retort.operation.Vendor;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What SQLite's steps are in an offline script: a table rebuild's Java checks become statements
 * that fail the script where the checks would fail the migration, and a data step of the
 * migration's own has no offline form. {@code SqliteOfflineScriptTest} runs such scripts.
 */
class SqliteOfflineFormTest {

  private final Dialect dialect = Dialects.forVendor(Vendor.SQLITE);

  static Stream<Operation> rebuilds() {
    return Stream.of(Shop.addCreatedAt(), Shop.widenTotal(), Shop.quantityToInteger(), Shop.requireNote(),
        Shop.changeSelectDefault(), Shop.addStatusValue(), Shop.removeStatusValue(), Shop.dropUserIdentity(),
        Shop.dropTagKey(), Shop.addSelectUnique(), Shop.dropEmailUnique(), Shop.addTotalCheck(),
        Shop.dropEmailCheck(), Shop.addOrderTag(), Shop.dropOrderUser());
  }

  @ParameterizedTest
  @MethodSource("rebuilds")
  void everyStepOfARebuildHasAnOfflineFormInsideTheTransaction(Operation rebuild) {
    List<Step> steps = dialect.render(rebuild, Shop.schema());

    assertThat(steps).anyMatch(Step.Callback.class::isInstance);
    assertThat(steps).allSatisfy(step -> assertThat(step.offline()).hasValueSatisfying(statements ->
        assertThat(statements).isNotEmpty().noneMatch(Step.Sql::outsideTransaction)));
  }

  @Test
  void aDataStepOfTheMigrationHasNoOfflineForm() {
    JdbcStep backfill = new JdbcStep("backfill user.status", connection -> { });

    assertThat(dialect.render(backfill, Shop.schema())).singleElement()
        .satisfies(step -> assertThat(step.offline()).isEmpty());
  }

  @Test
  void rebuildingAReferencedTableChecksForDependentsForEnforcementAndForBrokenKeys() {
    assertThat(offline(Shop.schema(), Shop.addCreatedAt())).isEqualTo("""
        -- Stop unless SQLite can rebuild table user: no trigger or view may depend on it, and foreign keys must not be enforced
        CREATE TEMP TABLE "retort_rebuild_check" ("problem" INTEGER, \
        CONSTRAINT "cannot rebuild table user on SQLite: the rebuild (create a new table, copy the rows, drop the old \
        table, rename) would drop or break what depends on it (a trigger or view; sqlite_master lists them); drop \
        those in an earlier step of the migration and create them again after this change" CHECK ("problem" <> 1), \
        CONSTRAINT "cannot rebuild table user on SQLite while foreign keys are enforced: dropping the old table would \
        delete its rows first, cascading into or failing on order. Run PRAGMA foreign_keys = OFF before BEGIN, as \
        the script's opening does" CHECK ("problem" <> 2));
        INSERT INTO temp."retort_rebuild_check" ("problem") \
        SELECT 1 FROM (SELECT "type", "name" FROM "sqlite_master" WHERE ("type" = 'trigger' AND "tbl_name" = 'user') \
        OR ("type" = 'view' AND "sql" LIKE '%user%') ORDER BY "name") \
        UNION ALL SELECT 2 FROM (SELECT "foreign_keys" FROM pragma_foreign_keys WHERE "foreign_keys" = 1);
        DROP TABLE temp."retort_rebuild_check";
        CREATE TABLE "retort_rebuild_user" (
          "id" INTEGER NOT NULL CONSTRAINT "pk_user" PRIMARY KEY AUTOINCREMENT,
          "email" VARCHAR(255) NOT NULL,
          "select" VARCHAR(20) NOT NULL DEFAULT 'it''s',
          "status" TEXT NOT NULL DEFAULT 'active' CHECK ("status" IN ('active', 'blocked')),
          "created_at" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
          CONSTRAINT "uq_user_email" UNIQUE ("email"),
          CONSTRAINT "ck_user_email" CHECK ("email" <> '')
        );
        INSERT INTO "retort_rebuild_user" ("id", "email", "select", "status") SELECT "id", "email", "select", "status" FROM "user";
        DELETE FROM "sqlite_sequence" WHERE "name" = 'retort_rebuild_user';
        INSERT INTO "sqlite_sequence" ("name", "seq") SELECT 'retort_rebuild_user', "seq" FROM "sqlite_sequence" WHERE "name" = 'user';
        DROP TABLE "user";
        ALTER TABLE "retort_rebuild_user" RENAME TO "user";
        -- Stop if rows of order break a foreign key after the rebuild (PRAGMA foreign_key_check)
        CREATE TEMP TABLE "retort_rebuild_check" ("problem" INTEGER, \
        CONSTRAINT "after rebuilding table user on SQLite, rows of order break foreign keys (PRAGMA \
        foreign_key_check lists them). Fix those rows (or the migration) and run the script again" \
        CHECK ("problem" <> 1));
        INSERT INTO temp."retort_rebuild_check" ("problem") \
        SELECT 1 FROM (SELECT "table", "rowid", "parent" FROM pragma_foreign_key_check('order'));
        DROP TABLE temp."retort_rebuild_check";
        """);
  }

  @Test
  void theChecksOfARebuildInAnotherSchemaReadThatSchema() {
    SchemaModel billing = Shop.after(new CreateTable(Shop.invoice()));
    AlterColumn widen = Shop.alter("invoice", "user_id").nullable(false, true).build();

    assertThat(offline(billing, widen))
        .contains("FROM \"billing\".\"sqlite_master\" WHERE (\"type\" = 'trigger' AND \"tbl_name\" = 'invoice')")
        .contains("FROM pragma_foreign_key_check('invoice', 'billing')");
  }

  /** The offline form of every step, each statement ended by a semicolon. */
  private String offline(SchemaModel before, Operation operation) {
    StringBuilder text = new StringBuilder();
    for (Step step : dialect.render(operation, before)) {
      for (Step.Sql sql : step.offline().orElseThrow()) {
        text.append(sql.sql()).append(";\n");
      }
    }
    return text.toString();
  }
}
