package dev.retort.runtime.bench;

import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.dsl.TableElement.column;
import static dev.retort.dsl.TableElement.index;
import static dev.retort.dsl.TableElement.primaryKey;
import static dev.retort.model.ColumnType.bigint;
import static dev.retort.model.ColumnType.integer;
import static dev.retort.model.ColumnType.timestamp;
import static dev.retort.model.ColumnType.varchar;

import dev.retort.Migration;
import dev.retort.RevisionInfo;
import dev.retort.dsl.Schema;
import dev.retort.runtime.Retort;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's history: 200 revisions, 100 creating a table with an index and 100 adding a
 * column to one of those tables.
 */
final class BenchHistory {

  /** How many tables the history creates; it also adds as many columns. */
  static final int TABLES = 100;

  private BenchHistory() {}

  /** Creates {@code t<n>} with an index on its name. */
  static final class CreateTable implements Migration {
    private final int n;

    CreateTable(int n) {
      this.n = n;
    }

    @Override
    public void upgrade(Schema schema) {
      schema.createTable("t" + n,
          column("id", bigint(), notNull()),
          column("name", varchar(100), notNull()),
          column("created", timestamp()),
          primaryKey("pk_t" + n, "id"),
          index("ix_t" + n + "_name", "name"));
    }

    @Override
    public void downgrade(Schema schema) {
      schema.dropTable("t" + n);
    }
  }

  /** Adds {@code t<n>.extra}. */
  static final class AddColumn implements Migration {
    private final int n;

    AddColumn(int n) {
      this.n = n;
    }

    @Override
    public void upgrade(Schema schema) {
      schema.addColumn("t" + n, "extra", integer());
    }

    @Override
    public void downgrade(Schema schema) {
      schema.dropColumn("t" + n, "extra");
    }
  }

  /** The 200 revisions, {@code r0001} to {@code r0200}. */
  static List<RevisionInfo> revisions() {
    List<RevisionInfo> revisions = new ArrayList<>();
    for (int i = 1; i <= 2 * TABLES; i++) {
      int table = i <= TABLES ? i : i - TABLES;
      boolean create = i <= TABLES;
      revisions.add(new RevisionInfo(id(i), i == 1 ? List.of() : List.of(id(i - 1)),
          (create ? "create table t" : "add column extra to t") + table, "",
          create ? () -> new CreateTable(table) : () -> new AddColumn(table)));
    }
    return revisions;
  }

  /** {@code r0001} to {@code r0200}, written out as a generated index would hold them. */
  private static String id(int i) {
    String digits = Integer.toString(i);
    return "r" + "0".repeat(4 - digits.length()) + digits;
  }

  /** A Retort over the history. */
  static Retort retort(String url, String user, String password) {
    return retort(url, user, password, false);
  }

  /** A Retort over the history, running all the migrations of a command in one transaction if {@code single}. */
  static Retort retort(String url, String user, String password, boolean single) {
    return Retort.builder().url(url, user, password).migrations(revisions()).singleTransaction(single).build();
  }
}
