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
 * What SQLite's steps are in an offline script: the Java checks of a table rebuild and of a
 * dropped column become statements that fail the script where the checks would fail the
 * migration, and a data step of the migration's own has no offline form.
 * {@code SqliteOfflineScriptTest} and {@code SqliteDropColumnTest} run such scripts.
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
  void rebuildingAReferencedTableChecksForTriggersViewsEnforcementAndBrokenKeys() {
    assertThat(offline(Shop.schema(), Shop.addCreatedAt())).isEqualTo("""
        -- Stop unless SQLite can rebuild table user in this script: no trigger may be on it or refer to it, and \
        foreign keys must not be enforced
        CREATE TEMP TABLE "retort_rebuild_check" ("problem" INTEGER, CONSTRAINT "cannot rebuild table user on SQLite \
        in an offline script: a trigger is on the table or refers to it (sqlite_master lists the triggers), and a \
        script can neither create it again after the rebuild nor check it. Let Retort run this migration, which does \
        both; or drop the trigger in an earlier step of the migration and create it again after this change" CHECK \
        ("problem" <> 1), CONSTRAINT "cannot rebuild table user on SQLite while foreign keys are enforced: dropping \
        the old table would delete its rows first, cascading into or failing on order. Run PRAGMA foreign_keys = OFF \
        before BEGIN, as the script's opening does" CHECK ("problem" <> 2));
        INSERT INTO temp."retort_rebuild_check" ("problem") SELECT 1 FROM (WITH RECURSIVE "retort_reader"("name", \
        "pattern") AS (SELECT 'user', '*[^a-z0-9_$]user[^a-z0-9_$]*' UNION SELECT "view"."name", '*[^a-z0-9_$]' || \
        replace(replace(replace(lower("view"."name"), '[', '[[]'), '*', '[*]'), '?', '[?]') || '[^a-z0-9_$]*' FROM \
        "sqlite_master" AS "view", "retort_reader" WHERE "view"."type" = 'view' AND (' ' || lower("view"."sql") || ' \
        ') GLOB "retort_reader"."pattern") SELECT "name" FROM "sqlite_master" AS "trigger" WHERE "type" = 'trigger' \
        AND ("tbl_name" = 'user' COLLATE NOCASE OR EXISTS (SELECT 1 FROM "retort_reader" WHERE (' ' || \
        lower("trigger"."sql") || ' ') GLOB "retort_reader"."pattern"))) UNION ALL SELECT 2 FROM (SELECT \
        "foreign_keys" FROM pragma_foreign_keys WHERE "foreign_keys" = 1);
        DROP TABLE temp."retort_rebuild_check";
        -- Stop if a view that may read user does not work before the rebuild: SQLite's error says what it lacks. \
        Fix or drop that view first
        WITH RECURSIVE "retort_reader"("name", "pattern") AS (SELECT 'user', '*[^a-z0-9_$]user[^a-z0-9_$]*' UNION \
        SELECT "view"."name", '*[^a-z0-9_$]' || replace(replace(replace(lower("view"."name"), '[', '[[]'), '*', \
        '[*]'), '?', '[?]') || '[^a-z0-9_$]*' FROM "sqlite_master" AS "view", "retort_reader" WHERE "view"."type" = \
        'view' AND (' ' || lower("view"."sql") || ' ') GLOB "retort_reader"."pattern") SELECT "name" FROM \
        "retort_reader" WHERE NOT EXISTS (SELECT 1 FROM pragma_table_info("retort_reader"."name"));
        CREATE TABLE "retort_rebuild_user" (
          "id" INTEGER NOT NULL CONSTRAINT "pk_user" PRIMARY KEY AUTOINCREMENT,
          "email" VARCHAR(255) NOT NULL,
          "select" VARCHAR(20) NOT NULL DEFAULT 'it''s',
          "status" TEXT NOT NULL DEFAULT 'active' CHECK ("status" IN ('active', 'blocked')),
          "created_at" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
          CONSTRAINT "uq_user_email" UNIQUE ("email"),
          CONSTRAINT "ck_user_email" CHECK ("email" <> '')
        );
        INSERT INTO "retort_rebuild_user" ("id", "email", "select", "status") SELECT "id", "email", "select", \
        "status" FROM "user";
        DELETE FROM "sqlite_sequence" WHERE "name" = 'retort_rebuild_user';
        INSERT INTO "sqlite_sequence" ("name", "seq") SELECT 'retort_rebuild_user', "seq" FROM "sqlite_sequence" \
        WHERE "name" = 'user';
        DROP TABLE "user";
        -- Rename as sqlite.org's procedure does, leaving the views and triggers that refer to user as they are; \
        they are checked below
        PRAGMA legacy_alter_table = ON;
        ALTER TABLE "retort_rebuild_user" RENAME TO "user";
        PRAGMA legacy_alter_table = OFF;
        -- Stop if a view that may read user no longer works after the rebuild: SQLite's error says what it lacks. \
        Drop the view in an earlier step of the migration and create it again, to fit the new table, after this \
        change
        WITH RECURSIVE "retort_reader"("name", "pattern") AS (SELECT 'user', '*[^a-z0-9_$]user[^a-z0-9_$]*' UNION \
        SELECT "view"."name", '*[^a-z0-9_$]' || replace(replace(replace(lower("view"."name"), '[', '[[]'), '*', \
        '[*]'), '?', '[?]') || '[^a-z0-9_$]*' FROM "sqlite_master" AS "view", "retort_reader" WHERE "view"."type" = \
        'view' AND (' ' || lower("view"."sql") || ' ') GLOB "retort_reader"."pattern") SELECT "name" FROM \
        "retort_reader" WHERE NOT EXISTS (SELECT 1 FROM pragma_table_info("retort_reader"."name"));
        -- Stop if rows of order break a foreign key after the rebuild (PRAGMA foreign_key_check)
        CREATE TEMP TABLE "retort_rebuild_check" ("problem" INTEGER, CONSTRAINT "after rebuilding table user on \
        SQLite, rows of order break foreign keys (PRAGMA foreign_key_check lists them). Fix those rows (or the \
        migration) and run the script again" CHECK ("problem" <> 1));
        INSERT INTO temp."retort_rebuild_check" ("problem") SELECT 1 FROM (SELECT "table", "rowid", "parent" FROM \
        pragma_foreign_key_check('order'));
        DROP TABLE temp."retort_rebuild_check";
        """);
  }

  @Test
  void droppingAColumnStopsTheScriptOnAViewOrTriggerThatMayWriteItsNameInDoubleQuotes() {
    assertThat(offline(Shop.schema(), Shop.dropNote())).isEqualTo("""
        ALTER TABLE "order" DROP COLUMN "note";
        -- Stop if a view or trigger that may use order writes "note" in double quotes, which SQLite reads as a \
        string once the column is gone
        CREATE TEMP TABLE "retort_rebuild_check" ("problem" INTEGER, CONSTRAINT "cannot drop column order.note on \
        SQLite in an offline script: a view or trigger that may use order writes ""note"" in double quotes, which \
        SQLite now reads as a string instead of failing (sqlite_master lists the views and triggers). Let Retort run \
        this migration, which checks them exactly; or drop the view or trigger in an earlier step of the migration \
        and create it again after this change" CHECK ("problem" <> 1));
        INSERT INTO temp."retort_rebuild_check" ("problem") SELECT 1 FROM (WITH RECURSIVE "retort_reader"("name", \
        "pattern") AS (SELECT 'order', '*[^a-z0-9_$]order[^a-z0-9_$]*' UNION SELECT "view"."name", '*[^a-z0-9_$]' \
        || replace(replace(replace(lower("view"."name"), '[', '[[]'), '*', '[*]'), '?', '[?]') || '[^a-z0-9_$]*' \
        FROM "sqlite_master" AS "view", "retort_reader" WHERE "view"."type" = 'view' AND (' ' || \
        lower("view"."sql") || ' ') GLOB "retort_reader"."pattern") SELECT "object"."name" FROM "sqlite_master" AS \
        "object" WHERE lower("object"."sql") GLOB '*"note"*' AND ("object"."type" = 'view' AND "object"."name" IN \
        (SELECT "name" FROM "retort_reader") OR "object"."type" = 'trigger' AND ("tbl_name" = 'order' COLLATE \
        NOCASE OR EXISTS (SELECT 1 FROM "retort_reader" WHERE (' ' || lower("object"."sql") || ' ') GLOB \
        "retort_reader"."pattern"))));
        DROP TABLE temp."retort_rebuild_check";
        """);
  }

  @Test
  void theChecksOfARebuildInAnotherSchemaReadThatSchema() {
    SchemaModel billing = Shop.after(new CreateTable(Shop.invoice()));
    AlterColumn widen = Shop.alter("invoice", "user_id").nullable(false, true).build();

    assertThat(offline(billing, widen))
        .contains("SELECT \"name\" FROM \"billing\".\"sqlite_master\" AS \"trigger\" WHERE \"type\" = 'trigger' AND"
            + " (\"tbl_name\" = 'invoice' COLLATE NOCASE")
        .contains("FROM \"billing\".\"sqlite_master\" AS \"view\", \"retort_reader\"")
        .contains("pragma_table_info(\"retort_reader\".\"name\", 'billing')")
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
