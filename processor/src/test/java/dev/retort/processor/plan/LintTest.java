package dev.retort.processor.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.DefaultValue;
import dev.retort.ReferentialAction;
import dev.retort.model.CheckModel;
import dev.retort.model.ForeignKeyModel;
import dev.retort.model.IndexModel;
import dev.retort.model.PrimaryKeyModel;
import dev.retort.model.SequenceModel;
import dev.retort.model.TableModel;
import dev.retort.model.UniqueModel;
import dev.retort.operation.AddCheck;
import dev.retort.operation.AddForeignKey;
import dev.retort.operation.AddPrimaryKey;
import dev.retort.operation.AddUnique;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.CreateTable;
import dev.retort.operation.RenameTable;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.AlterSequence;
import dev.retort.operation.Change;
import dev.retort.operation.CreateSequence;
import dev.retort.operation.DropColumn;
import dev.retort.operation.DropSequence;
import dev.retort.operation.DropTable;
import dev.retort.operation.Operation;
import dev.retort.operation.ValidateConstraint;
import dev.retort.operation.RenameColumn;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LintTest {

  private static AlterColumn alter(Optional<Change<ColumnType>> type, Optional<Change<Boolean>> nullable) {
    return new AlterColumn("users", "email", type, nullable, Optional.empty(), Optional.empty(), Optional.empty());
  }

  @Test
  void droppingATableOrColumnDestroysData() {
    List<Finding> findings = Lint.check(List.of(new DropTable("legacy"), new DropColumn("users", "fax")));

    assertThat(findings).extracting(Finding::index, Finding::risk, Finding::table, Finding::column).containsExactly(
        tuple(0, Finding.Risk.DESTROYS_DATA, "legacy", Optional.empty()),
        tuple(1, Finding.Risk.DESTROYS_DATA, "users", Optional.of("fax")));
    assertThat(findings.get(1).text())
        .isEqualTo("drops column users.fax and its data; make sure nothing reads it and that it is backed up");
  }

  @Test
  void droppingASequenceLosesTheValueItReachedAndCreatingOrAlteringOneDoesNot() {
    List<Finding> findings = Lint.check(List.of(
        new CreateSequence(SequenceModel.of("orders_seq", 1, 50)),
        new AlterSequence("orders_seq", Optional.empty(), Optional.of(new Change<>(50L, 1L))),
        new DropSequence("legacy_seq")));

    assertThat(findings).singleElement().satisfies(finding -> {
      assertThat(finding.index()).isEqualTo(2);
      assertThat(finding.risk()).isEqualTo(Finding.Risk.DESTROYS_DATA);
      assertThat(finding.text()).startsWith("drops sequence legacy_seq and the value it has reached; created again,"
          + " it would start over");
    });
  }

  @Test
  void narrowingATypeDestroysDataAndWideningDoesNot() {
    Operation narrow = alter(Optional.of(new Change<>(ColumnType.varchar(255), ColumnType.varchar(20))), Optional.empty());
    Operation widen = alter(Optional.of(new Change<>(ColumnType.varchar(20), ColumnType.varchar(255))), Optional.empty());

    assertThat(Lint.check(List.of(widen))).isEmpty();
    assertThat(Lint.check(List.of(narrow))).first().satisfies(finding -> {
      assertThat(finding.risk()).isEqualTo(Finding.Risk.DESTROYS_DATA);
      assertThat(finding.text()).startsWith("narrows column users.email from varchar(255) to varchar(20);");
    });
  }

  @Test
  void aNotNullColumnWithoutDefaultFailsOnATableWithRows() {
    ColumnModel required = new ColumnModel("plan", ColumnType.text(), false, Optional.empty(), false, Optional.empty());
    ColumnModel withDefault = required.withDefaultValue(Optional.of(DefaultValue.literal("free")));
    ColumnModel identity = new ColumnModel("seq", ColumnType.bigint(), false, Optional.empty(), true, Optional.empty());

    assertThat(Lint.check(List.of(new AddColumn("users", withDefault), new AddColumn("users", identity),
        new AddColumn("users", required.withNullable(true))))).extracting(Finding::risk, Finding::column)
        // The identity column fills every row without failing, by rewriting the table on PostgreSQL.
        .containsExactly(tuple(Finding.Risk.LOCKS_TABLE, Optional.of("seq")));
    assertThat(Lint.check(List.of(new AddColumn("users", required)))).singleElement()
        .extracting(Finding::risk, Finding::column)
        .containsExactly(Finding.Risk.FAILS_ON_DATA, Optional.of("plan"));
  }

  @Test
  void aDefaultIsVolatileWhenItCallsAFunctionThatGivesEachRowItsOwnValue() {
    assertThat(List.of("gen_random_uuid()", "public.GEN_RANDOM_UUID ()", "clock_timestamp()", "uuid()",
        "floor(random() * 10)", "nextval('users_seq')")).allMatch(TableLocks::volatileDefault);
    assertThat(List.of("CURRENT_TIMESTAMP", "now()", "lower('RANDOM()')", "0", "uuid_column"))
        .noneMatch(TableLocks::volatileDefault);
  }

  @Test
  void makingAnExistingColumnAnIdentityCopiesTheTableOnMariaDb() {
    AlterColumn addIdentity = new AlterColumn("users", "id", Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of(new Change<>(false, true)));
    AlterColumn dropIdentity = new AlterColumn("users", "id", Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of(new Change<>(true, false)));

    assertThat(Lint.check(List.of(addIdentity))).singleElement().satisfies(finding -> assertThat(finding.text())
        .isEqualTo("makes users.id an identity column, which copies the whole table, blocking writes, on MariaDB and"
            + " MySQL (PostgreSQL does it without a rewrite); on a big table run it when writes can wait, with a table"
            + " lock timeout"));
    assertThat(Lint.check(List.of(dropIdentity))).isEmpty();
  }

  @Test
  void makingAColumnNotNullFailsWhileRowsHoldNull() {
    assertThat(Lint.check(List.of(alter(Optional.empty(), Optional.of(new Change<>(true, false))))))
        .first()
        .satisfies(finding -> assertThat(finding.text()).isEqualTo(
            "makes column users.email NOT NULL, which fails while any row holds NULL there; fill those rows first"));
    assertThat(Lint.check(List.of(alter(Optional.empty(), Optional.of(new Change<>(false, true)))))).isEmpty();
  }

  @Test
  void aNarrowingAlterationToNotNullHasBothFindings() {
    Operation both = alter(Optional.of(new Change<>(ColumnType.varchar(255), ColumnType.varchar(20))),
        Optional.of(new Change<>(true, false)));

    assertThat(Lint.check(List.of(both))).extracting(Finding::risk)
        .containsExactly(Finding.Risk.DESTROYS_DATA, Finding.Risk.FAILS_ON_DATA, Finding.Risk.LOCKS_TABLE);
  }

  @Test
  void renamesKeepData() {
    assertThat(Lint.check(List.of(new RenameColumn("users", "mail", "email")))).isEmpty();
  }

  @Test
  void anIndexOnAnExistingTableBlocksWritesOnPostgresAndCreateIndexConcurrentlyDoesNot() {
    CreateIndex plain = new CreateIndex("books", new IndexModel("ix_books_price", List.of("price"), false), false);
    CreateIndex concurrently = new CreateIndex("books", plain.index(), true);

    assertThat(Lint.check(List.of(concurrently))).isEmpty();
    assertThat(Lint.check(List.of(plain))).singleElement().satisfies(finding -> {
      assertThat(finding).extracting(Finding::index, Finding::risk, Finding::table, Finding::column)
          .containsExactly(0, Finding.Risk.LOCKS_TABLE, "books", Optional.empty());
      assertThat(finding.text()).isEqualTo("builds index ix_books_price on books, which blocks writes to books on"
          + " PostgreSQL while it reads the whole table (MariaDB and MySQL build it online); on a big table use"
          + " createIndexConcurrently");
    });
  }

  @Test
  void aUniqueIndexHasNoConcurrentFormToPointAt() {
    CreateIndex unique = new CreateIndex("books", new IndexModel("ux_books_isbn", List.of("isbn"), true), false);

    assertThat(Lint.check(List.of(unique))).singleElement().extracting(Finding::text).asString()
        .startsWith("builds unique index ux_books_isbn on books, which blocks writes to books on PostgreSQL")
        .endsWith("(createIndexConcurrently builds no unique index)")
        .contains("with a table lock timeout");
  }

  @Test
  void nothingOnATableTheSameMigrationCreatesLocksAnything() {
    TableModel books = new TableModel.Builder("books")
        .column(new ColumnModel("id", ColumnType.bigint(), false, Optional.empty(), false, Optional.empty()))
        .column(new ColumnModel("author_id", ColumnType.bigint(), true, Optional.empty(), false, Optional.empty()))
        .build();
    List<Operation> upgrade = List.of(
        new CreateTable(books),
        new RenameTable("books", "volumes"),
        new CreateIndex("volumes", new IndexModel("ix_volumes_author", List.of("author_id"), false), false),
        new AddUnique("volumes", new UniqueModel("uq_volumes_author", List.of("author_id"))),
        new AddCheck("volumes", new CheckModel("ck_volumes_id", "id > 0")),
        new AddForeignKey("volumes", foreignKey("fk_volumes_author", "authors")),
        new AlterColumn("volumes", "author_id", Optional.of(new Change<>(ColumnType.bigint(), ColumnType.text())),
            Optional.of(new Change<>(true, false)), Optional.empty(), Optional.empty(), Optional.empty()));

    assertThat(Lint.check(upgrade)).extracting(Finding::risk).doesNotContain(Finding.Risk.LOCKS_TABLE);
  }

  @Test
  void constraintsOnAnExistingTableLockIt() {
    List<Finding> findings = Lint.check(List.of(
        new AddUnique("users", new UniqueModel("uq_users_email", List.of("email"))),
        new AddPrimaryKey("users", new PrimaryKeyModel("pk_users", List.of("id"))),
        new AddCheck("users", new CheckModel("ck_users_email", "email <> ''")),
        new AddForeignKey("users", foreignKey("fk_users_team", "teams"))));

    assertThat(findings).extracting(Finding::index, Finding::risk, Finding::table).containsExactly(
        tuple(0, Finding.Risk.LOCKS_TABLE, "users"),
        tuple(1, Finding.Risk.LOCKS_TABLE, "users"),
        tuple(2, Finding.Risk.LOCKS_TABLE, "users"),
        tuple(3, Finding.Risk.LOCKS_TABLE, "users"));
    assertThat(findings).extracting(Finding::text).containsExactly(
        "adds unique constraint uq_users_email to users, which builds its index while it blocks reads and writes on"
            + " PostgreSQL (MariaDB and MySQL build it online); on a big table run it when writes can wait, with a table"
            + " lock timeout",
        "adds primary key pk_users to users, which builds its index while it blocks reads and writes on PostgreSQL"
            + " (MariaDB and MySQL build it online); on a big table run it when writes can wait, with a table lock"
            + " timeout",
        "adds check constraint ck_users_email to users, which reads the whole table while it blocks reads and writes"
            + " on PostgreSQL, and copies the table, blocking writes, on MariaDB and MySQL; on a big table on"
            + " PostgreSQL add it with addCheckNotValid and check the rows already there with"
            + " validateConstraint(\"ck_users_email\") in a later migration, which blocks no writes; on MariaDB and"
            + " MySQL run it when writes can wait, with a table lock timeout",
        "adds foreign key fk_users_team to users, which reads the whole table to check it while it blocks writes to"
            + " users and teams on PostgreSQL, and copies users, blocking writes, on MariaDB and MySQL; on a big table"
            + " on PostgreSQL add it with addForeignKeyNotValid and check the rows already there with"
            + " validateConstraint(\"fk_users_team\") in a later migration, which blocks no writes; on MariaDB and"
            + " MySQL run it when writes can wait, with a table lock timeout");
  }

  @Test
  void constraintsAddedNotValidAndTheirValidationAreTheWayOutAndNotFound() {
    assertThat(Lint.check(List.of(
        new AddCheck("users", new CheckModel("ck_users_email", "email <> ''"), true),
        new AddForeignKey("users", foreignKey("fk_users_team", "teams"), true),
        new ValidateConstraint("users", "ck_users_email"),
        new ValidateConstraint("users", "fk_users_team")))).isEmpty();
  }

  @Test
  void aForeignKeyOnAnExistingTableToANewOneStillReadsTheExistingTable() {
    TableModel teams = new TableModel.Builder("teams")
        .column(new ColumnModel("id", ColumnType.bigint(), false, Optional.empty(), false, Optional.empty()))
        .build();

    assertThat(Lint.check(List.of(new CreateTable(teams), new AddForeignKey("users", foreignKey("fk_users_team",
        "teams"))))).singleElement().extracting(Finding::index, Finding::table).containsExactly(1, "users");
  }

  @Test
  void makingAColumnNotNullOnAnExistingTableReadsItUnderTheStrongestLockOnPostgres() {
    List<Finding> findings = Lint.check(List.of(alter(Optional.empty(), Optional.of(new Change<>(true, false)))));

    assertThat(findings).extracting(Finding::risk)
        .containsExactly(Finding.Risk.FAILS_ON_DATA, Finding.Risk.LOCKS_TABLE);
    assertThat(findings.get(1)).extracting(Finding::column, Finding::text).containsExactly(Optional.of("email"),
        "makes users.email NOT NULL, which reads the whole table while it blocks reads and writes on PostgreSQL"
            + " (MariaDB and MySQL do it online); on a big table on PostgreSQL first add a check (email IS NOT NULL)"
            + " with addCheckNotValid and validate it with validateConstraint, each in a migration before this one:"
            + " PostgreSQL 12 and later trust it instead of reading the table; drop it after");
  }

  @Test
  void aTypeChangeThatRewritesOrCopiesTheTableSaysWhereAndTheWayOut() {
    assertThat(typeChange(ColumnType.integer(), ColumnType.bigint())).isEqualTo("changes the type of users.email"
        + " from integer to bigint, which rewrites the whole table while it blocks reads and writes on PostgreSQL,"
        + " and copies it, blocking writes, on MariaDB and MySQL; on a big table add a new column instead, fill it"
        + " in batches and move to it");
    assertThat(typeChange(ColumnType.varchar(20), ColumnType.text())).startsWith("changes the type of users.email"
        + " from varchar(20) to text, which copies the whole table, blocking writes, on MariaDB and MySQL"
        + " (PostgreSQL changes it without a rewrite);");
  }

  /**
   * The type changes the runtime's TableLockTest runs on PostgreSQL and MariaDB, with whether each rewrites the
   * table there (PostgreSQL's relfilenode changes) and whether each copies it there (ALGORITHM=INPLACE refused).
   */
  @Test
  void whichTypeChangesRewriteOrCopyTheTableAsTheDatabasesShowed() {
    ColumnType status = ColumnType.enumType("status", "new", "done");
    record Case(ColumnType from, ColumnType to, boolean postgresRewrites, boolean mariaDbCopies) {}
    List<Case> cases = List.of(
        new Case(ColumnType.varchar(20), ColumnType.varchar(255), false, false),
        new Case(ColumnType.varchar(20), ColumnType.text(), false, true),
        new Case(ColumnType.varchar(255), ColumnType.varchar(20), true, true),
        new Case(ColumnType.text(), ColumnType.varchar(30), true, true),
        new Case(ColumnType.decimal(10, 2), ColumnType.decimal(12, 2), false, true),
        new Case(ColumnType.decimal(10, 2), ColumnType.decimal(12, 4), true, true),
        new Case(ColumnType.smallint(), ColumnType.integer(), true, true),
        new Case(ColumnType.integer(), ColumnType.bigint(), true, true),
        new Case(ColumnType.integer(), ColumnType.text(), true, true),
        new Case(ColumnType.fixedChar(5), ColumnType.fixedChar(10), true, true),
        new Case(ColumnType.fixedChar(5), ColumnType.varchar(10), true, true),
        new Case(ColumnType.varbinary(10), ColumnType.varbinary(200), false, false),
        new Case(ColumnType.binary(4), ColumnType.varbinary(10), false, true),
        new Case(ColumnType.varbinary(10), ColumnType.blob(), false, true),
        new Case(status, ColumnType.enumType("status", "new", "done", "void"), false, false),
        new Case(status, ColumnType.enumType("status", "draft", "new", "done"), false, true),
        new Case(status, ColumnType.enumType("status", "done", "new"), true, true),
        new Case(ColumnType.timestamp(), ColumnType.timestampTz(), true, true),
        new Case(ColumnType.timestamp(0), ColumnType.timestamp(3), false, true),
        new Case(ColumnType.timestamp(3), ColumnType.timestamp(), false, true),
        new Case(ColumnType.timestamp(), ColumnType.timestamp(0), true, true),
        new Case(ColumnType.timestampTz(0), ColumnType.timestampTz(3), false, true),
        new Case(ColumnType.timestampTz(), ColumnType.timestampTz(2), true, true),
        new Case(ColumnType.time(0), ColumnType.time(4), false, true),
        new Case(ColumnType.time(), ColumnType.time(1), true, true));

    for (Case c : cases) {
      assertThat(TableLocks.postgresRewrites(c.from(), c.to())).as("PostgreSQL, %s -> %s", c.from().sql(), c.to().sql())
          .isEqualTo(c.postgresRewrites());
      assertThat(TableLocks.mariaDbCopies(c.from(), c.to())).as("MariaDB, %s -> %s", c.from().sql(), c.to().sql())
          .isEqualTo(c.mariaDbCopies());
      boolean locks = Lint.check(List.of(alter(Optional.of(new Change<>(c.from(), c.to())), Optional.empty())))
          .stream().anyMatch(finding -> finding.risk() == Finding.Risk.LOCKS_TABLE);
      assertThat(locks).as("a finding for %s -> %s", c.from().sql(), c.to().sql())
          .isEqualTo(c.postgresRewrites() || c.mariaDbCopies());
    }
  }

  private static String typeChange(ColumnType from, ColumnType to) {
    return Lint.check(List.of(alter(Optional.of(new Change<>(from, to)), Optional.empty()))).stream()
        .filter(finding -> finding.risk() == Finding.Risk.LOCKS_TABLE)
        .findFirst().orElseThrow().text();
  }

  private static ForeignKeyModel foreignKey(String name, String referenced) {
    return new ForeignKeyModel(name, List.of("team_id"), referenced, List.of("id"),
        ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
  }
}
