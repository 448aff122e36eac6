package dev.retort.examples.guide;

import static dev.retort.dsl.ColumnOption.identity;
import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.bigint;
import static dev.retort.model.ColumnType.varchar;

import dev.retort.Migration;
import dev.retort.RevisionInfo;
import dev.retort.dsl.Schema;
import dev.retort.index.RevisionIndexFile;
import dev.retort.operation.Vendor;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The runtime's errors as a user meets them, for the troubleshooting page: each method
 * provokes one error on an in-memory H2 database, mostly with the bookshop's history, and
 * {@link #render} turns it into the text the guide shows.
 */
final class ErrorExamples {

  /** Revisions 5a, 7 and 8 of the bookshop. */
  private static final String COUNTRY_ADDED = "20261121_051448";
  private static final String RENAMES = "20261121_051408";
  private static final String FAX_DROPPED = "20261121_051546";
  private static final String ANONYMOUS_AUTHOR = "20261121_051602";

  private ErrorExamples() {}

  /**
   * Provokes an error and renders it as {@code RetortException [CODE]} followed by its message.
   *
   * @param example the name of an example: a method of this class
   * @return the lines
   * @throws IllegalArgumentException if there is no such example
   * @throws IllegalStateException if the example does not fail with a {@link RetortException}
   */
  static List<String> render(String example) {
    Runnable provoke = example(example);
    try {
      provoke.run();
    } catch (RetortException e) {
      List<String> lines = new ArrayList<>();
      lines.add("RetortException [" + e.code() + "]");
      e.getMessage().lines().forEach(lines::add);
      return lines;
    }
    throw new IllegalStateException("the error example '" + example + "' did not fail");
  }

  private static Runnable example(String name) {
    switch (name) {
      case "unknownRevision":
        return () -> bookshop().upgrade("20261121_061602");
      case "ambiguousRevision":
        return () -> bookshop().upgrade("20261121_0514");
      case "targetOutOfRange":
        return () -> bookshop().downgrade("-1");
      case "invalidTarget":
        return () -> bookshop().downgrade("+1");
      case "checksumMismatch":
        return ErrorExamples::checksumMismatch;
      case "databaseAhead":
        return ErrorExamples::databaseAhead;
      case "multipleHeads":
        return () -> Retort.builder().url(memory(), "sa", "").migrations(bookshopUpTo(null).subList(0, 11)).build();
      case "missingParent":
        return () -> Retort.builder().url(memory(), "sa", "")
            .migrations(Retort.revision("20261201_090000", List.of("20261130_170000"), CreateAuthors::new))
            .build();
      case "irreversible":
        return ErrorExamples::irreversible;
      case "migrationFailed":
        return ErrorExamples::migrationFailed;
      case "offlineUnsupported":
        return () -> bookshop().sql(FAX_DROPPED, ANONYMOUS_AUTHOR, Vendor.POSTGRESQL);
      case "baselineMismatch":
        return ErrorExamples::baselineMismatch;
      case "noMigrations":
        return () -> Retort.builder().url(memory(), "sa", "").classLoader(new URLClassLoader(new URL[0], null)).build();
      default:
        throw new IllegalArgumentException("no error example '" + name + "'");
    }
  }

  /** The bookshop is applied up to revision 7, then revision 5a's migration is edited. */
  private static void checksumMismatch() {
    String url = memory();
    Retort.builder().url(url, "sa", "").build().upgrade(FAX_DROPPED);
    List<RevisionInfo> edited = new ArrayList<>();
    for (RevisionInfo revision : bookshopUpTo(null)) {
      edited.add(revision.id().equals(COUNTRY_ADDED)
          ? new RevisionInfo(revision.id(), revision.parents(), revision.description(), revision.snapshotResource(),
              AddCountryAsVarchar3::new)
          : revision);
    }
    Retort.builder().url(url, "sa", "").migrations(edited).build().upgrade();
  }

  /** The database is at the bookshop's head; an older build knows the revisions up to 8 only. */
  private static void databaseAhead() {
    String url = memory();
    Retort.builder().url(url, "sa", "").build().upgrade();
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement()) {
      // A fixed time, so that the message the guide shows is the same at every build.
      statement.executeUpdate("UPDATE retort_version SET applied_at = TIMESTAMP '2026-11-21 09:30:00'");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot set the times in the version table", e);
    }
    Retort.builder().url(url, "sa", "").migrations(bookshopUpTo(ANONYMOUS_AUTHOR)).build().current();
  }

  /**
   * A database with the bookshop's tables of revision 3 but no version table, where customers.phone was dropped by
   * hand, upgraded with revision 3 as its baseline.
   */
  private static void baselineMismatch() {
    String url = memory();
    Retort.builder().url(url, "sa", "").build().upgrade(RENAMES);
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE retort_version");
      statement.execute("ALTER TABLE customers DROP COLUMN phone");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot make the database to adopt", e);
    }
    Retort.builder().url(url, "sa", "").baselineOnUpgrade(RENAMES).build().upgrade();
  }

  /** A raw SQL revision without a downgrade, then a downgrade through it. */
  private static void irreversible() {
    Retort retort = Retort.builder().url(memory(), "sa", "")
        .migrations(
            Retort.revision("20261201_090000", List.of(), CreateAuthors::new),
            Retort.revision("20261201_091500", List.of("20261201_090000"), TrimAuthorNames::new))
        .build();
    retort.upgrade();
    retort.downgrade("base");
  }

  /** Unquoted names in raw SQL, on an H2 database that folds them to upper case. */
  private static void migrationFailed() {
    Retort retort = Retort.builder().url("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")
        .migrations(
            Retort.revision("20261201_090000", List.of(), CreateAuthors::new),
            Retort.revision("20261201_091500", List.of("20261201_090000"), TrimAuthorNames::new))
        .build();
    retort.upgrade();
  }

  /** Creates the table authors. */
  public static final class CreateAuthors implements Migration {
    @Override
    public void upgrade(Schema schema) {
      schema.createTable("authors", t -> t
          .column("id", bigint(), identity())
          .column("name", varchar(200), notNull())
          .primaryKey("pk_authors", "id"));
    }

    @Override
    public void downgrade(Schema schema) {
      schema.dropTable("authors");
    }
  }

  /** Raw SQL, with unquoted names, and no downgrade. */
  public static final class TrimAuthorNames implements Migration {
    @Override
    public void upgrade(Schema schema) {
      schema.execute("UPDATE authors SET name = TRIM(name)");
    }
  }

  /** The bookshop's revision 5a as someone edited it after it was applied: varchar(3). */
  public static final class AddCountryAsVarchar3 implements Migration {
    @Override
    public void upgrade(Schema schema) {
      schema.alterTable("customers", t -> t.addColumn("country", varchar(3)));
    }

    @Override
    public void downgrade(Schema schema) {
      schema.alterTable("customers", t -> t.dropColumn("country"));
    }
  }

  private static Retort bookshop() {
    return Retort.builder().url(memory(), "sa", "").build();
  }

  /** The bookshop's revisions in order, up to and including {@code last} (all if null). */
  private static List<RevisionInfo> bookshopUpTo(String last) {
    List<RevisionInfo> revisions = new ArrayList<>();
    ClassLoader loader = ErrorExamples.class.getClassLoader();
    try (Reader reader = new InputStreamReader(
        loader.getResource(RevisionIndexFile.RESOURCE).openStream(), StandardCharsets.UTF_8)) {
      for (RevisionIndexFile.Entry entry : RevisionIndexFile.read(reader, RevisionIndexFile.RESOURCE)) {
        Supplier<Migration> create = () -> {
          try {
            return (Migration) loader.loadClass(entry.migrationClass()).getConstructor().newInstance();
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          }
        };
        revisions.add(new RevisionInfo(entry.id(), entry.parents(), entry.description(), entry.snapshotResource(),
            create));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (last == null) {
      return revisions;
    }
    List<RevisionInfo> upTo = new ArrayList<>();
    for (RevisionInfo revision : revisions) {
      upTo.add(revision);
      if (revision.id().equals(last)) {
        return upTo;
      }
    }
    throw new IllegalStateException("the bookshop has no revision " + last);
  }

  /** A fresh in-memory H2 database that folds unquoted names to lower case, as the bookshop's does. */
  private static String memory() {
    return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
  }
}
