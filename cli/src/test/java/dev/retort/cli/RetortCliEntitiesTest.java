package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.model.SchemaModel;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.dialect.inspect.Difference;
import dev.retort.runtime.dialect.inspect.SchemaInspector;
import dev.retort.runtime.testdb.TestDatabase;
import dev.retort.snapshot.SnapshotCodec;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code retort entities} on each database: a schema made with plain SQL, as another tool or a
 * person made it, is read into entities; the entities compiled with the processor give a first
 * migration and snapshot; the drift check finds no difference between the first database and the
 * snapshot, and the migration applied to a second, empty database gives a database that
 * {@code retort check} finds equal to the model.
 */
class RetortCliEntitiesTest {

  private static final String PACKAGE = "com.example.model";

  /** The schema: several tables, keys, actions, uniques, indexes, defaults and a reserved word. */
  private static List<String> schema(TestDatabase.Kind kind) {
    List<String> sql = new ArrayList<>(List.of(
        "CREATE TABLE authors ("
            + " " + identity(kind, "pk_authors") + ","
            + " name VARCHAR(200) NOT NULL,"
            + " email VARCHAR(255),"
            + " born DATE,"
            + " CONSTRAINT uq_authors_email UNIQUE (email))",
        "CREATE TABLE books ("
            + " id BIGINT NOT NULL,"
            + " isbn CHAR(13) NOT NULL,"
            + " title VARCHAR(300) NOT NULL,"
            + " author_id BIGINT NOT NULL,"
            + " price DECIMAL(10,2) NOT NULL,"
            + " stock INTEGER DEFAULT 0 NOT NULL,"
            + " in_print BOOLEAN DEFAULT TRUE NOT NULL,"
            + " published_on DATE DEFAULT '2000-01-01',"
            + " isbn_hash " + type(kind, "varbinary") + ","
            + " created_at " + type(kind, "timestamp") + " DEFAULT " + now(kind) + " NOT NULL,"
            + " summary " + type(kind, "text") + ","
            + " CONSTRAINT pk_books PRIMARY KEY (id),"
            + " CONSTRAINT uq_books_isbn UNIQUE (isbn),"
            + " CONSTRAINT fk_books_author FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE CASCADE,"
            + " CONSTRAINT ck_books_price CHECK (price >= 0))",
        "CREATE INDEX ix_books_title ON books (title)",
        "CREATE INDEX books_by_author_and_date ON books (author_id, published_on)",
        "CREATE TABLE \"order\" ("
            + " " + identity(kind, "pk_order") + ","
            + " \"user\" VARCHAR(100) NOT NULL,"
            + " status VARCHAR(20) DEFAULT 'NEW' NOT NULL,"
            + " placed_at " + type(kind, "timestamptz") + ","
            + " confirmed_at " + type(kind, "timestamptz") + " DEFAULT " + instant(kind) + ","
            + " due_at " + type(kind, "timestamp") + " DEFAULT '2030-01-31 12:30:00',"
            + " discount DECIMAL(5,2) DEFAULT 1.50 NOT NULL,"
            + " total DECIMAL(12,4),"
            + " extra " + type(kind, "json") + ","
            + " weight REAL,"
            + " \"isPaid\" BOOLEAN)",
        "CREATE TABLE order_lines ("
            + " order_id BIGINT NOT NULL,"
            + " line_no INTEGER NOT NULL,"
            + " book_id BIGINT NOT NULL,"
            + " quantity SMALLINT DEFAULT 1 NOT NULL,"
            + " unit_price DECIMAL(10,2) NOT NULL,"
            + " gift BOOLEAN,"
            + " CONSTRAINT pk_order_lines PRIMARY KEY (line_no, order_id),"
            + " CONSTRAINT fk_order_lines_order_id FOREIGN KEY (order_id) REFERENCES \"order\" (id)"
            + " ON DELETE CASCADE ON UPDATE CASCADE,"
            + " CONSTRAINT fk_order_lines_book_id FOREIGN KEY (book_id) REFERENCES books (id) ON DELETE RESTRICT)",
        "CREATE TABLE reviews ("
            + " id BIGINT NOT NULL,"
            + " book_id BIGINT NOT NULL,"
            + " reviewer_id BIGINT,"
            + " rating SMALLINT NOT NULL,"
            + " score " + type(kind, "double") + ","
            + " token " + type(kind, "uuid") + " NOT NULL,"
            + " written_at " + type(kind, "time") + ","
            + " mood " + type(kind, "enum") + ","
            + " code CHAR(1),"
            + " blob_data " + type(kind, "blob") + ","
            + " reply_to BIGINT,"
            + " book_isbn CHAR(13),"
            + " CONSTRAINT pk_reviews PRIMARY KEY (id),"
            + " CONSTRAINT fk_reviews_book_id FOREIGN KEY (book_id) REFERENCES books (id),"
            + " CONSTRAINT fk_reviews_reviewer_id FOREIGN KEY (reviewer_id) REFERENCES authors (id)"
            + " ON DELETE SET NULL,"
            + " CONSTRAINT fk_reviews_reply_to FOREIGN KEY (reply_to) REFERENCES reviews (id) ON DELETE SET NULL,"
            + " CONSTRAINT fk_reviews_book_isbn FOREIGN KEY (book_isbn) REFERENCES books (isbn),"
            + " CONSTRAINT ck_reviews_rating CHECK (rating BETWEEN 1 AND 5))",
        "CREATE UNIQUE INDEX ux_reviews_book_id_reviewer_id ON reviews (book_id, reviewer_id)",
        "CREATE TABLE flyway_schema_history (installed_rank INTEGER NOT NULL PRIMARY KEY, version VARCHAR(50))",
        "CREATE VIEW book_titles AS SELECT id, title FROM books WHERE title <> 'x;y'",
        // A view over a view, whose name sorts before the view it reads: the first migration creates it after.
        "CREATE VIEW active_titles AS SELECT id, title FROM book_titles WHERE id > 0"));
    if (kind == TestDatabase.Kind.POSTGRESQL) {
      sql.add(0, "CREATE TYPE mood AS ENUM ('HAPPY', 'SAD')");
    }
    if (kind == TestDatabase.Kind.POSTGRESQL || kind == TestDatabase.Kind.H2) {
      sql.add("COMMENT ON TABLE books IS 'Titles the shop sells'");
      sql.add("COMMENT ON COLUMN books.title IS 'The title, as printed'");
    }
    if (kind == TestDatabase.Kind.MARIADB) {
      return sql.stream().map(statement -> statement.replace('"', '`')).toList();
    }
    return sql;
  }

  /** A generated key column named {@code id}, with its named primary key where the database keeps the name. */
  private static String identity(TestDatabase.Kind kind, String key) {
    switch (kind) {
      case MARIADB:
        return "id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY";
      case SQLITE:
        return "id INTEGER NOT NULL CONSTRAINT " + key + " PRIMARY KEY AUTOINCREMENT";
      default:
        return "id BIGINT GENERATED BY DEFAULT AS IDENTITY CONSTRAINT " + key + " PRIMARY KEY";
    }
  }

  /** A literal instant as a default, with an offset where the database takes one. */
  private static String instant(TestDatabase.Kind kind) {
    return kind == TestDatabase.Kind.MARIADB ? "'2024-01-31 12:00:00'" : "'2024-01-31 12:00:00+00'";
  }

  private static String now(TestDatabase.Kind kind) {
    return kind == TestDatabase.Kind.MARIADB ? "CURRENT_TIMESTAMP(6)" : "CURRENT_TIMESTAMP";
  }

  /** Each database's own spelling of a type, as a person writing its SQL would. */
  private static String type(TestDatabase.Kind kind, String type) {
    Map<String, String> h2 = pairs("timestamp", "TIMESTAMP", "text", "CHARACTER VARYING",
        "timestamptz", "TIMESTAMP WITH TIME ZONE", "json", "JSON", "double", "DOUBLE PRECISION", "uuid", "UUID",
        "time", "TIME(6)", "enum", "ENUM('HAPPY', 'SAD')", "blob", "BLOB", "varbinary", "VARBINARY(16)");
    // timestamptz(6) as Hibernate declares an Instant: the same type as Retort's timestamptz.
    Map<String, String> postgres = pairs("timestamp", "timestamp", "text", "text", "timestamptz", "timestamptz(6)",
        "json", "jsonb", "double", "double precision", "uuid", "uuid", "time", "time", "enum", "mood",
        "blob", "bytea", "varbinary", "bytea");
    Map<String, String> mariadb = pairs("timestamp", "DATETIME(6)", "text", "LONGTEXT",
        "timestamptz", "TIMESTAMP(6) NULL", "json", "JSON", "double", "DOUBLE", "uuid", "UUID", "time", "TIME(6)",
        "enum", "ENUM('HAPPY', 'SAD')", "blob", "LONGBLOB", "varbinary", "VARBINARY(16)");
    Map<String, String> sqlite = pairs("timestamp", "TIMESTAMP", "text", "TEXT", "timestamptz", "TIMESTAMPTZ",
        "json", "TEXT", "double", "DOUBLE", "uuid", "UUID", "time", "TIME", "enum", "TEXT", "blob", "BLOB",
        "varbinary", "VARBINARY(16)");
    switch (kind) {
      case H2:
        return h2.get(type);
      case POSTGRESQL:
        return postgres.get(type);
      case MARIADB:
        return mariadb.get(type);
      default:
        return sqlite.get(type);
    }
  }

  /**
   * The database's URL; on H2 with unquoted names in lower case, as the other databases but
   * SQLite keep them, so that the named keys are named as Retort names them.
   */
  private static String url(TestDatabase db) {
    return db.kind() == TestDatabase.Kind.H2 ? db.url() + ";DATABASE_TO_LOWER=TRUE" : db.url();
  }

  private static Connection connect(TestDatabase db) throws SQLException {
    return DriverManager.getConnection(url(db), db.user(), db.password());
  }

  /** A map of keys and values given one after the other. */
  private static Map<String, String> pairs(String... keysAndValues) {
    Map<String, String> map = new TreeMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static void execute(TestDatabase db, List<String> statements) throws SQLException {
    try (Connection connection = connect(db); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private static Cli.Run retort(TestDatabase db, ClassLoader loader, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--url", url(db)));
    if (!db.user().isEmpty()) {
      all.addAll(List.of("--user", db.user()));
    }
    return Cli.run(Map.of(), loader, all.toArray(String[]::new));
  }

  /**
   * Builds the project with the processor (no warning), then adopts the first database (stamp
   * head, check clean) and recreates it on the second (upgrade, check clean).
   */
  private static void adoptAndRecreate(EntityProject project, TestDatabase first, TestDatabase second)
      throws Exception {
    EntityProject.Build build = project.build();
    assertThat(build.succeeded()).as(build.log()).isTrue();
    assertThat(build.warnings()).as("javac's and the processor's warnings").isEmpty();
    try (URLClassLoader migrations = build.classLoader()) {
      Cli.Run stamp = retort(first, migrations, "stamp", "head");
      assertThat(stamp.exitCode()).as(stamp.all()).isEqualTo(RetortCli.OK);
      Cli.Run adopted = retort(first, migrations, "check");
      assertThat(adopted.exitCode()).as(adopted.all()).isEqualTo(RetortCli.OK);

      Cli.Run upgrade = retort(second, migrations, "upgrade");
      assertThat(upgrade.exitCode()).as(upgrade.all()).isEqualTo(RetortCli.OK);
      Cli.Run check = retort(second, migrations, "check");
      assertThat(check.exitCode()).as(check.all()).isEqualTo(RetortCli.OK);
    }
  }

  private static Map<String, String> files(Path directory) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(directory.relativize(file).toString().replace('\\', '/'), Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  /**
   * Keys the database named itself ({@code customers_pkey} on PostgreSQL, {@code CONSTRAINT_…} on
   * H2, {@code PRIMARY} on MariaDB, none on SQLite) next to one named as Retort names it: where the
   * database keeps the name, the entity names the key with {@code @Table(primaryKey = …)}, so that
   * the database is adopted as it is, without a warning and without renaming its keys.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void keysTheDatabaseNamedKeepTheirNamesThroughStampAndUpgrade(TestDatabase.Kind kind, @TempDir Path dir)
      throws Exception {
    try (TestDatabase first = TestDatabase.create(kind); TestDatabase second = TestDatabase.create(kind)) {
      execute(first, List.of(
          "CREATE TABLE customers (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL)",
          "CREATE TABLE visits (customer_id BIGINT NOT NULL, visited_on DATE NOT NULL, PRIMARY KEY (customer_id, visited_on))",
          "CREATE TABLE notes (id BIGINT NOT NULL, body VARCHAR(200), CONSTRAINT pk_notes PRIMARY KEY (id))"));
      Map<String, String> liveNames = new TreeMap<>();
      try (Connection connection = connect(first)) {
        for (String table : List.of("customers", "visits")) {
          try (var keys = connection.getMetaData().getPrimaryKeys(null, null, table)) {
            while (keys.next()) {
              liveNames.put(table, keys.getString("PK_NAME"));
            }
          }
        }
      }
      EntityProject project = new EntityProject(dir.resolve("project"));

      Cli.Run run = retort(first, getClass().getClassLoader(), "entities", "--package", PACKAGE,
          "--output", project.sources().toString());

      assertThat(run.exitCode()).as(run.all()).isEqualTo(RetortCli.OK);
      assertThat(run.err()).as(run.all()).doesNotContain("warning:");
      Map<String, String> files = files(project.sources());
      assertThat(files.get("com/example/model/Notes.java")).contains("@Table(name = \"notes\")\n");
      if (kind == TestDatabase.Kind.POSTGRESQL || kind == TestDatabase.Kind.H2) {
        assertThat(liveNames.get("customers")).isNotEqualTo("pk_customers");
        assertThat(files.get("com/example/model/Customers.java"))
            .contains("@Table(name = \"customers\", primaryKey = \"" + liveNames.get("customers") + "\")");
        assertThat(files.get("com/example/model/Visits.java"))
            .contains("@Table(name = \"visits\", primaryKey = \"" + liveNames.get("visits") + "\")");
      } else {
        assertThat(String.join("", files.values())).doesNotContain("primaryKey");
      }
      if (kind == TestDatabase.Kind.POSTGRESQL) {
        assertThat(liveNames).containsEntry("customers", "customers_pkey").containsEntry("visits", "visits_pkey");
      }

      adoptAndRecreate(project, first, second);
    }
  }

  /**
   * PostgreSQL's serial keys ({@code serial}, {@code bigserial}, {@code smallserial}, a table and
   * column whose names need quotes) holding rows, one referenced by a foreign key: the entities
   * declare them {@code @Id(generated = true)}, and each warning gives the table's conversion to
   * an identity column, which {@code --conversion-script} writes into one file. Run on the
   * database, it leaves the data as it was; stamped, {@code check} finds no difference, and an
   * insert continues after the larger of the largest key and the last value the sequence handed
   * out, also to a transaction that rolled back.
   */
  @Test
  void serialKeysConvertedAsTheWarningsSayAreIdentityColumnsThatContinueTheirValues(@TempDir Path dir)
      throws Exception {
    try (TestDatabase first = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
        TestDatabase second = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
      execute(first, List.of(
          "CREATE TABLE customers (id serial PRIMARY KEY, name varchar(100) NOT NULL)",
          "CREATE TABLE orders (id bigserial PRIMARY KEY, customer_id integer NOT NULL REFERENCES customers (id),"
              + " note varchar(40))",
          "CREATE TABLE \"Label\" (\"Key\" smallserial PRIMARY KEY, text varchar(20))",
          "CREATE TABLE " + LONG_NAME + " (id serial PRIMARY KEY)",
          "INSERT INTO customers (name) VALUES ('Ada'), ('Bob'), ('Cy')",
          "INSERT INTO customers (id, name) VALUES (10, 'Dee')",
          "INSERT INTO orders (customer_id, note) VALUES (1, 'first'), (10, 'second')"));
      try (Connection connection = connect(first)) {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
          statement.execute("INSERT INTO orders (customer_id, note) VALUES (2, 'rolled back'), (3, 'rolled back'),"
              + " (3, 'rolled back')");
        }
        connection.rollback();
      }
      List<String> before = rows(first);
      String sequences = sequences(first);
      assertThat(sequences).as("PostgreSQL shortens the long table's sequence name")
          .contains(LONG_NAME.substring(0, 50)).doesNotContain(LONG_NAME + "_id_seq");
      EntityProject project = new EntityProject(dir.resolve("project"));
      Path script = dir.resolve("serial-to-identity.sql");

      Cli.Run run = retort(first, getClass().getClassLoader(), "entities", "--package", PACKAGE,
          "--output", project.sources().toString(), "--conversion-script", script.toString());

      assertThat(run.exitCode()).as(run.all()).isEqualTo(RetortCli.OK);
      assertThat(run.out()).contains("Wrote the conversion of 4 serial keys to identity columns to "
          + script.toAbsolutePath());
      List<String> warnings = run.err().lines().filter(line -> line.startsWith("warning: ")).toList();
      assertThat(warnings).as(run.err()).hasSize(4);
      Map<String, String> files = files(project.sources());
      assertThat(files.get("com/example/model/Customers.java")).contains("@Id(generated = true) int id,");
      assertThat(files.get("com/example/model/Orders.java")).contains("@Id(generated = true) long id,",
          "@References(value = Customers.class, name = \"orders_customer_id_fkey\") int customerId,");
      assertThat(files.get("com/example/model/Label.java"))
          .contains("@Id(generated = true) @Column(name = \"Key\") short key,");
      String customers = warnings.stream().filter(line -> line.startsWith("warning: customers.id: ")).findFirst()
          .orElseThrow();
      assertThat(customers).contains("is a serial column, generated from the default"
          + " nextval('customers_id_seq'::regclass) of its own sequence public.customers_id_seq;"
          + " it is declared @Id(generated = true)");
      assertThat(customers).contains(" BEGIN;"
          + " ALTER TABLE \"public\".\"customers\" ALTER COLUMN \"id\" DROP DEFAULT;"
          + " ALTER SEQUENCE \"public\".\"customers_id_seq\" RENAME TO \"customers_id_seq_serial\";"
          + " ALTER TABLE \"public\".\"customers\" ALTER COLUMN \"id\" ADD GENERATED BY DEFAULT AS IDENTITY"
          + " (SEQUENCE NAME \"public\".\"customers_id_seq\");"
          + " SELECT setval('\"public\".\"customers_id_seq\"', GREATEST((SELECT max(\"id\") FROM \"public\".\"customers\"),"
          + " (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM"
          + " \"public\".\"customers_id_seq_serial\")) + 1, false);"
          + " DROP SEQUENCE \"public\".\"customers_id_seq_serial\";"
          + " COMMIT;");
      String text = Files.readString(script, StandardCharsets.UTF_8);
      assertThat(text).startsWith("-- Converts PostgreSQL serial keys to the identity columns")
          .contains("psql -v ON_ERROR_STOP=1 -f");
      List<String> printed = new ArrayList<>();
      for (String warning : warnings) {
        String conversion = warning.substring(warning.indexOf("BEGIN;"), warning.indexOf("COMMIT;") + "COMMIT;".length());
        assertThat(text).contains(conversion.replace("; ", ";\n"));
        printed.add(conversion);
      }
      assertThat(printed).anySatisfy(conversion -> assertThat(conversion)
          .contains("ALTER TABLE \"public\".\"Label\" ALTER COLUMN \"Key\" DROP DEFAULT;",
              "RENAME TO \"Label_Key_seq_serial\""));

      execute(first, printed);

      assertThat(rows(first)).isEqualTo(before);
      for (String conversion : printed) {
        assertThatThrownBy(() -> execute(first, List.of(conversion))).as("run again")
            .isInstanceOf(SQLException.class).hasMessageContaining("is an identity column");
      }
      adoptAndRecreate(project, first, second);
      try (Connection connection = connect(first); Statement statement = connection.createStatement()) {
        assertThat(insertedKey(statement, "INSERT INTO customers (name) VALUES ('Eve') RETURNING id")).isEqualTo(11);
        assertThat(insertedKey(statement, "INSERT INTO orders (customer_id, note) VALUES (11, 'third') RETURNING id"))
            .isEqualTo(6);
        assertThat(insertedKey(statement, "INSERT INTO \"Label\" (text) VALUES ('new') RETURNING \"Key\""))
            .isEqualTo(1);
        assertThat(insertedKey(statement, "INSERT INTO " + LONG_NAME + " DEFAULT VALUES RETURNING id")).isEqualTo(1);
      }
      assertThat(sequences(first)).as("the identities' sequences, with the serial sequences' names").isEqualTo(sequences);
    }
  }

  /**
   * MariaDB's {@code SERIAL}, {@code BIGINT UNSIGNED NOT NULL AUTO_INCREMENT UNIQUE}, whose type
   * Retort does not have: the key and the column referencing it are left out with a warning that
   * gives the signed type and, for the key, the {@code ALTER TABLE} that keeps it
   * {@code AUTO_INCREMENT}. Changed as the warnings say, the tables are read again without a
   * warning, the keys {@code @Id(generated = true)}, and adopted with a clean {@code check}.
   */
  @Test
  void mariadbSerialKeysAreWarningsWhoseChangeMakesThemIdentityColumns(@TempDir Path dir) throws Exception {
    try (TestDatabase first = TestDatabase.create(TestDatabase.Kind.MARIADB);
        TestDatabase second = TestDatabase.create(TestDatabase.Kind.MARIADB)) {
      execute(first, List.of(
          "CREATE TABLE customers (id SERIAL PRIMARY KEY, name VARCHAR(100) NOT NULL)",
          "CREATE TABLE orders (id SERIAL PRIMARY KEY, customer_id BIGINT UNSIGNED NOT NULL,"
              + " CONSTRAINT fk_orders_customer_id FOREIGN KEY (customer_id) REFERENCES customers (id))",
          "INSERT INTO customers (name) VALUES ('Ada'), ('Bob')",
          "INSERT INTO orders (customer_id) VALUES (2)"));

      Cli.Run run = retort(first, getClass().getClassLoader(), "entities", "--package", PACKAGE,
          "--output", dir.resolve("unsigned").toString());

      assertThat(run.exitCode()).as(run.all()).isEqualTo(RetortCli.OK);
      List<String> warnings = run.err().lines().filter(line -> line.startsWith("warning: ")).toList();
      assertThat(warnings).as(run.err())
          .anySatisfy(line -> assertThat(line).startsWith("warning: customers.id: is bigint(20) unsigned,")
              .contains("Retort has no unsigned types; the nearest is bigint (long), which is BIGINT here",
                  "run entities again: ALTER TABLE `customers` MODIFY `id` BIGINT NOT NULL AUTO_INCREMENT.",
                  "drop the foreign key first"))
          .anySatisfy(line -> assertThat(line).startsWith("warning: orders.customer_id: is bigint(20) unsigned,")
              .contains("(ALTER TABLE … MODIFY, restating its NOT NULL, DEFAULT and COMMENT)"));
      List<String> changes = new ArrayList<>(List.of("ALTER TABLE orders DROP FOREIGN KEY fk_orders_customer_id"));
      for (String warning : warnings) {
        if (warning.contains("NOT NULL AUTO_INCREMENT.")) {
          changes.add(warning.substring(warning.indexOf("ALTER TABLE `"), warning.indexOf("AUTO_INCREMENT.")
              + "AUTO_INCREMENT".length()));
        }
      }
      assertThat(changes).hasSize(3);
      changes.add("ALTER TABLE orders MODIFY customer_id BIGINT NOT NULL");
      changes.add("ALTER TABLE orders ADD CONSTRAINT fk_orders_customer_id FOREIGN KEY (customer_id)"
          + " REFERENCES customers (id)");
      execute(first, changes);
      EntityProject project = new EntityProject(dir.resolve("project"));

      Cli.Run again = retort(first, getClass().getClassLoader(), "entities", "--package", PACKAGE,
          "--output", project.sources().toString());

      assertThat(again.exitCode()).as(again.all()).isEqualTo(RetortCli.OK);
      assertThat(again.err()).as(again.all()).doesNotContain("warning:");
      assertThat(files(project.sources()).get("com/example/model/Customers.java"))
          .contains("@Id(generated = true) long id,");
      adoptAndRecreate(project, first, second);
      try (Connection connection = connect(first); Statement statement = connection.createStatement()) {
        statement.execute("INSERT INTO customers (name) VALUES ('Cy')");
        try (ResultSet key = statement.executeQuery("SELECT max(id) FROM customers")) {
          assertThat(key.next()).isTrue();
          assertThat(key.getLong(1)).isEqualTo(3);
        }
      }
    }
  }

  /** A table whose name PostgreSQL shortens in its serial sequence's: {@code …_accounting_de_id_seq}. */
  private static final String LONG_NAME = "audit_entries_kept_for_the_auditors_of_the_accounting_dept";

  /** The sequences of the public schema, by name. */
  private static String sequences(TestDatabase db) throws SQLException {
    try (Connection connection = connect(db); Statement statement = connection.createStatement();
        ResultSet names = statement.executeQuery("SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class"
            + " WHERE relkind = 'S' AND relnamespace = 'public'::regnamespace")) {
      assertThat(names.next()).isTrue();
      return names.getString(1);
    }
  }

  /** The rows of the serial keys' tables, one a line. */
  private static List<String> rows(TestDatabase db) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = connect(db); Statement statement = connection.createStatement()) {
      for (String query : List.of("SELECT id || ' ' || name FROM customers ORDER BY id",
          "SELECT id || ' ' || customer_id || ' ' || note FROM orders ORDER BY id",
          "SELECT \"Key\" || ' ' || text FROM \"Label\" ORDER BY \"Key\"")) {
        try (ResultSet result = statement.executeQuery(query)) {
          while (result.next()) {
            rows.add(result.getString(1));
          }
        }
      }
    }
    return rows;
  }

  private static long insertedKey(Statement statement, String insert) throws SQLException {
    try (ResultSet key = statement.executeQuery(insert)) {
      assertThat(key.next()).isTrue();
      return key.getLong(1);
    }
  }

  /**
   * A unique constraint on several columns is a {@code @Unique}, named where its name is not the
   * derived {@code uq_<table>_<columns>}, and a unique index stays an {@code @Index}: H2 and
   * PostgreSQL keep the two apart, SQLite enforces a constraint with an index of its own and keeps
   * no name, and MariaDB makes no difference, so a unique key named as Retort names a constraint is
   * a {@code @Unique} there and any other an {@code @Index}. Stamped and checked, and applied to a
   * second database, the model is the database's.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void uniqueConstraintsOnSeveralColumnsBecomeUniqueThroughStampAndUpgrade(TestDatabase.Kind kind, @TempDir Path dir)
      throws Exception {
    try (TestDatabase first = TestDatabase.create(kind); TestDatabase second = TestDatabase.create(kind)) {
      execute(first, List.of(
          "CREATE TABLE coupons (id BIGINT NOT NULL PRIMARY KEY, customer_id BIGINT NOT NULL,"
              + " code VARCHAR(20) NOT NULL, issued_on DATE,"
              + " CONSTRAINT uq_coupons_customer_id_code UNIQUE (customer_id, code),"
              + " CONSTRAINT coupon_issue UNIQUE (issued_on, code))",
          "CREATE UNIQUE INDEX coupons_by_issue ON coupons (issued_on, customer_id)"));
      EntityProject project = new EntityProject(dir.resolve("project"));

      Cli.Run run = retort(first, getClass().getClassLoader(), "entities", "--package", PACKAGE,
          "--output", project.sources().toString());

      assertThat(run.exitCode()).as(run.all()).isEqualTo(RetortCli.OK);
      assertThat(run.err()).as(run.all()).doesNotContain("warning:");
      String coupons = files(project.sources()).get("com/example/model/Coupons.java");
      assertThat(coupons).contains("@Unique(columns = {\"customer_id\", \"code\"})\n",
          "@Index(name = \"coupons_by_issue\", columns = {\"issued_on\", \"customer_id\"}, unique = true)\n");
      switch (kind) {
        case SQLITE -> assertThat(coupons).contains("@Unique(columns = {\"issued_on\", \"code\"})\n");
        case MARIADB -> assertThat(coupons)
            .contains("@Index(name = \"coupon_issue\", columns = {\"issued_on\", \"code\"}, unique = true)\n");
        default -> assertThat(coupons).contains("@Unique(name = \"coupon_issue\", columns = {\"issued_on\", \"code\"})\n");
      }

      adoptAndRecreate(project, first, second);
    }
  }

  /**
   * A unique column whose constraint the database named itself ({@code members_email_key}, as
   * PostgreSQL names an inline {@code UNIQUE}) keeps that name on PostgreSQL, which keeps it and
   * whose drift check compares it: {@code @Unique(name = …)} on the record instead of
   * {@code @Column(unique = true)}, so that a later migration that drops the constraint names the
   * one the database has. Where the database makes up or keeps no such name, and for a constraint
   * named as Retort names it, the column stays {@code unique = true}. Stamped and checked, and
   * applied to a second database, the model is the database's.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aUniqueColumnKeepsTheNameThePostgresqlDatabaseGaveItThroughStampAndUpgrade(TestDatabase.Kind kind,
      @TempDir Path dir) throws Exception {
    try (TestDatabase first = TestDatabase.create(kind); TestDatabase second = TestDatabase.create(kind)) {
      execute(first, List.of(
          "CREATE TABLE members (id BIGINT NOT NULL PRIMARY KEY, email VARCHAR(100) NOT NULL UNIQUE,"
              + " nick VARCHAR(20), CONSTRAINT uq_members_nick UNIQUE (nick))"));
      EntityProject project = new EntityProject(dir.resolve("project"));

      Cli.Run run = retort(first, getClass().getClassLoader(), "entities", "--package", PACKAGE,
          "--output", project.sources().toString());

      assertThat(run.exitCode()).as(run.all()).isEqualTo(RetortCli.OK);
      assertThat(run.err()).as(run.all()).doesNotContain("warning:");
      String members = files(project.sources()).get("com/example/model/Members.java");
      assertThat(members).contains("@Column(length = 20, unique = true) String nick");
      if (kind == TestDatabase.Kind.POSTGRESQL) {
        assertThat(members).contains("@Unique(name = \"members_email_key\", columns = \"email\")\n",
            "@Column(length = 100, nullable = NOT_NULL) String email");
      } else {
        assertThat(members).doesNotContain("@Unique").contains("@Column(length = 100, unique = true, nullable = NOT_NULL) String email");
      }

      adoptAndRecreate(project, first, second);
    }
  }

  /**
   * Times and timestamps with fewer digits of the second than six, as a MariaDB schema of another
   * tool has them ({@code DATETIME}, {@code TIMESTAMP} and {@code TIME} without digits, whole
   * seconds) and a PostgreSQL one declares them ({@code timestamp(0)}): each becomes a member with
   * {@code @Column(precision = n)}, whose column the processor declares with that precision, so
   * that the database is adopted as it is and recreated alike.
   */
  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"MARIADB", "POSTGRESQL", "H2", "SQLITE"})
  void timesWithFewerDigitsOfTheSecondKeepThemThroughStampAndUpgrade(TestDatabase.Kind kind, @TempDir Path dir)
      throws Exception {
    try (TestDatabase first = TestDatabase.create(kind); TestDatabase second = TestDatabase.create(kind)) {
      execute(first, List.of(switch (kind) {
        case MARIADB -> "CREATE TABLE events (id BIGINT NOT NULL PRIMARY KEY,"
            + " happened_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, seen_at TIMESTAMP NULL, opens_at TIME,"
            + " logged_at DATETIME(3), exact_at DATETIME(6))";
        case POSTGRESQL -> "CREATE TABLE events (id BIGINT NOT NULL PRIMARY KEY,"
            + " happened_at timestamp(0) NOT NULL DEFAULT CURRENT_TIMESTAMP, seen_at timestamptz(3), opens_at time(0),"
            + " logged_at timestamp(3), exact_at timestamp)";
        case H2 -> "CREATE TABLE events (id BIGINT NOT NULL PRIMARY KEY, happened_at TIMESTAMP(0) NOT NULL,"
            + " seen_at TIMESTAMP(3) WITH TIME ZONE, opens_at TIME, logged_at TIMESTAMP(3), exact_at TIMESTAMP)";
        default -> "CREATE TABLE events (id BIGINT NOT NULL PRIMARY KEY, happened_at TIMESTAMP(0) NOT NULL,"
            + " seen_at TIMESTAMPTZ(3), opens_at TIME(0), logged_at TIMESTAMP(3), exact_at TIMESTAMP)";
      }));
      EntityProject project = new EntityProject(dir.resolve("project"));

      Cli.Run run = retort(first, getClass().getClassLoader(), "entities", "--package", PACKAGE,
          "--output", project.sources().toString());

      assertThat(run.exitCode()).as(run.all()).isEqualTo(RetortCli.OK);
      assertThat(run.err()).as(run.all()).doesNotContain("warning:");
      String events = files(project.sources()).get("com/example/model/Events.java");
      String seenAt = kind == TestDatabase.Kind.MARIADB ? "precision = 0" : "precision = 3";
      assertThat(events).contains(
          "@Column(precision = 0, nullable = NOT_NULL",
          ") LocalDateTime happenedAt",
          "@Column(" + seenAt + ") Instant seenAt",
          "@Column(precision = 0) LocalTime opensAt",
          "@Column(precision = 3) LocalDateTime loggedAt",
          " LocalDateTime exactAt");
      assertThat(events).doesNotContain("@Column(precision = 6)");

      adoptAndRecreate(project, first, second);
    }
  }

  /**
   * The schema's own sequences become {@code @Sequence} annotations, on the entity of the table a
   * sequence is named after ({@code <table>_seq}) or else on the first; an identity column's
   * sequence, and on PostgreSQL a serial column's, are the column's and not declared. Stamped and
   * checked, and applied to a second database, the model is the database's.
   */
  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
  void sequencesBecomeSequenceAnnotationsThroughStampAndUpgrade(TestDatabase.Kind kind, @TempDir Path dir)
      throws Exception {
    try (TestDatabase first = TestDatabase.create(kind); TestDatabase second = TestDatabase.create(kind)) {
      List<String> statements = new ArrayList<>(List.of(
          "CREATE TABLE accounts (id BIGINT NOT NULL PRIMARY KEY)",
          "CREATE TABLE orders (id BIGINT NOT NULL PRIMARY KEY)",
          "CREATE SEQUENCE orders_seq START WITH 1 INCREMENT BY 50",
          "CREATE SEQUENCE invoice_no START WITH 3000000000 INCREMENT BY 1",
          "CREATE TABLE counters (id BIGINT " + (kind == TestDatabase.Kind.MARIADB ? "AUTO_INCREMENT"
              : "GENERATED BY DEFAULT AS IDENTITY") + " NOT NULL PRIMARY KEY)"));
      if (kind == TestDatabase.Kind.POSTGRESQL) {
        statements.add("CREATE TABLE events (id BIGINT NOT NULL PRIMARY KEY, seq_no BIGSERIAL)");
      }
      execute(first, statements);
      EntityProject project = new EntityProject(dir.resolve("project"));

      Cli.Run run = retort(first, getClass().getClassLoader(), "entities", "--package", PACKAGE,
          "--output", project.sources().toString());

      assertThat(run.exitCode()).as(run.all()).isEqualTo(RetortCli.OK);
      Map<String, String> files = files(project.sources());
      assertThat(files.get("com/example/model/Orders.java"))
          .contains("@Sequence(name = \"orders_seq\", increment = 50)\n")
          .doesNotContain("invoice_no");
      assertThat(files.get("com/example/model/Accounts.java"))
          .contains("@Sequence(name = \"invoice_no\", start = 3000000000L)\n");
      assertThat(String.join("\n", files.values()).lines().filter(line -> line.startsWith("@Sequence")))
          .as("no @Sequence for an identity's or a serial column's own sequence")
          .containsExactlyInAnyOrder("@Sequence(name = \"orders_seq\", increment = 50)",
              "@Sequence(name = \"invoice_no\", start = 3000000000L)");
      if (kind == TestDatabase.Kind.POSTGRESQL) {
        execute(first, List.of("DROP TABLE events"));
        Files.delete(project.sources().resolve("com/example/model/Events.java"));
      }

      adoptAndRecreate(project, first, second);
    }
  }

  /**
   * A foreign key of several columns is a {@code @ForeignKey} on the entity, named only where the
   * database keeps a name that Retort would not derive; stamped and checked, and applied to a
   * second database, the model is the database's.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void foreignKeysOfSeveralColumnsBecomeForeignKeyAnnotationsThroughStampAndUpgrade(TestDatabase.Kind kind,
      @TempDir Path dir) throws Exception {
    try (TestDatabase first = TestDatabase.create(kind); TestDatabase second = TestDatabase.create(kind)) {
      execute(first, List.of(
          "CREATE TABLE items (order_id BIGINT NOT NULL, line_no INTEGER NOT NULL,"
              + " CONSTRAINT pk_items PRIMARY KEY (order_id, line_no))",
          "CREATE TABLE shipments (id BIGINT NOT NULL, order_id BIGINT NOT NULL, line_no INTEGER NOT NULL,"
              + " CONSTRAINT pk_shipments PRIMARY KEY (id),"
              + " CONSTRAINT fk_shipments_order_id_line_no FOREIGN KEY (order_id, line_no)"
              + " REFERENCES items (order_id, line_no) ON DELETE CASCADE)",
          "CREATE TABLE refunds (id BIGINT NOT NULL, item_order BIGINT, item_line INTEGER,"
              + " CONSTRAINT pk_refunds PRIMARY KEY (id),"
              + " CONSTRAINT refunds_item FOREIGN KEY (item_order, item_line) REFERENCES items (order_id, line_no))"));
      EntityProject project = new EntityProject(dir.resolve("project"));

      Cli.Run run = retort(first, getClass().getClassLoader(), "entities", "--package", PACKAGE,
          "--output", project.sources().toString());

      assertThat(run.exitCode()).as(run.all()).isEqualTo(RetortCli.OK);
      assertThat(run.err()).as(run.all()).doesNotContain("warning:");
      Map<String, String> files = files(project.sources());
      assertThat(files.get("com/example/model/Shipments.java")).contains("@ForeignKey(columns = {\"order_id\","
          + " \"line_no\"}, references = Items.class, onDelete = ReferentialAction.CASCADE)\n");
      boolean keepsNames = kind != TestDatabase.Kind.SQLITE;
      assertThat(files.get("com/example/model/Refunds.java")).contains(
          "@ForeignKey(" + (keepsNames ? "name = \"refunds_item\", " : "")
              + "columns = {\"item_order\", \"item_line\"}, references = Items.class)\n");

      adoptAndRecreate(project, first, second);
    }
  }

  /** Each database's enum columns: a named type on PostgreSQL, an inline ENUM on MariaDB and H2, text with a check on SQLite. */
  private static List<String> enumSchema(TestDatabase.Kind kind) {
    switch (kind) {
      case POSTGRESQL:
        return List.of(
            "CREATE TYPE order_status AS ENUM ('NEW', 'PAID', 'SHIPPED')",
            "CREATE TYPE odd_values AS ENUM ('a b', 'c-d')",
            "CREATE TABLE orders (id BIGINT NOT NULL PRIMARY KEY, status order_status DEFAULT 'NEW' NOT NULL,"
                + " odd odd_values)",
            "CREATE TABLE shipments (id BIGINT NOT NULL PRIMARY KEY, status order_status)");
      case SQLITE:
        return List.of(
            "CREATE TABLE orders (id BIGINT NOT NULL PRIMARY KEY,"
                + " status TEXT DEFAULT 'NEW' NOT NULL CHECK (\"status\" IN ('NEW', 'PAID', 'SHIPPED')),"
                + " odd TEXT CHECK (odd IN ('a b', 'c-d')))",
            "CREATE TABLE shipments (id BIGINT NOT NULL PRIMARY KEY,"
                + " status TEXT CHECK (status IN ('NEW', 'PAID', 'SHIPPED')))");
      default:
        return List.of(
            "CREATE TABLE orders (id BIGINT NOT NULL PRIMARY KEY,"
                + " status ENUM('NEW', 'PAID', 'SHIPPED') DEFAULT 'NEW' NOT NULL, odd ENUM('a b', 'c-d'))",
            "CREATE TABLE shipments (id BIGINT NOT NULL PRIMARY KEY, status ENUM('NEW', 'PAID', 'SHIPPED'))");
    }
  }

  /**
   * An enum column whose values are Java identifiers is a Java enum, written beside the entities,
   * named so that the processor derives the database's type where it keeps one: two tables of one
   * PostgreSQL type share one enum. Values that are not identifiers stay a {@code String} with
   * {@code @Column(type = "enum …")}. Stamped and checked, and applied to a second database, the
   * model is the database's.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void enumColumnsBecomeJavaEnumsThroughStampAndUpgrade(TestDatabase.Kind kind, @TempDir Path dir) throws Exception {
    try (TestDatabase first = TestDatabase.create(kind); TestDatabase second = TestDatabase.create(kind)) {
      execute(first, enumSchema(kind));
      EntityProject project = new EntityProject(dir.resolve("project"));

      Cli.Run run = retort(first, getClass().getClassLoader(), "entities", "--package", PACKAGE,
          "--output", project.sources().toString());

      assertThat(run.exitCode()).as(run.all()).isEqualTo(RetortCli.OK);
      assertThat(run.err()).as(run.all()).doesNotContain("warning:");
      Map<String, String> files = files(project.sources());
      String orders = files.get("com/example/model/Orders.java");
      assertThat(orders).contains("@Column(type = \"enum ");
      assertThat(orders).contains("'a b','c-d')\") String odd");
      if (kind == TestDatabase.Kind.POSTGRESQL) {
        assertThat(files).containsOnlyKeys("com/example/model/Orders.java", "com/example/model/Shipments.java",
            "com/example/model/OrderStatus.java");
        assertThat(run.out()).contains("OrderStatus.java (enum order_status)");
        assertThat(orders).contains("@Column(nullable = NOT_NULL, defaultValue = \"NEW\") OrderStatus status");
        assertThat(files.get("com/example/model/Shipments.java")).contains("OrderStatus status");
        assertThat(files.get("com/example/model/OrderStatus.java")).isEqualTo("""
            package com.example.model;

            /**
             * The {@code order_status} enum type.
             */
            public enum OrderStatus {
              NEW,
              PAID,
              SHIPPED
            }
            """);
      } else {
        assertThat(files).containsOnlyKeys("com/example/model/Orders.java", "com/example/model/Shipments.java",
            "com/example/model/OrdersStatus.java", "com/example/model/ShipmentsStatus.java");
        assertThat(run.out()).contains("OrdersStatus.java (enum of orders.status)",
            "ShipmentsStatus.java (enum of shipments.status)");
        assertThat(orders).contains("@Column(nullable = NOT_NULL, defaultValue = \"NEW\") OrdersStatus status");
        assertThat(files.get("com/example/model/ShipmentsStatus.java"))
            .contains("The values of the {@code shipments.status} column", "public enum ShipmentsStatus {\n  NEW,");
      }

      adoptAndRecreate(project, first, second);
    }
  }

  /**
   * Enums named after table and column where the database keeps no type name: two columns that
   * give one name share the enum where their values are the same and number it where they are not,
   * and an enum never takes a record's name.
   */
  @ParameterizedTest
  @EnumSource(value = TestDatabase.Kind.class, names = {"MARIADB", "H2", "SQLITE"})
  void inlineEnumsSharingANameShareTheEnumOnlyWithTheSameValues(TestDatabase.Kind kind, @TempDir Path dir)
      throws Exception {
    try (TestDatabase first = TestDatabase.create(kind); TestDatabase second = TestDatabase.create(kind)) {
      execute(first, List.of(
          "CREATE TABLE shop (id BIGINT NOT NULL PRIMARY KEY, order_state " + inlineEnum(kind, "order_state", "X", "Y")
              + ", order_type " + inlineEnum(kind, "order_type", "M", "N") + ")",
          "CREATE TABLE shop_order (id BIGINT NOT NULL PRIMARY KEY, state " + inlineEnum(kind, "state", "X", "Z")
              + ", type " + inlineEnum(kind, "type", "M", "N") + ")",
          "CREATE TABLE item (id BIGINT NOT NULL PRIMARY KEY, kind " + inlineEnum(kind, "kind", "P", "Q") + ")",
          "CREATE TABLE item_kind (id BIGINT NOT NULL PRIMARY KEY)"));
      EntityProject project = new EntityProject(dir.resolve("project"));

      Cli.Run run = retort(first, getClass().getClassLoader(), "entities", "--package", PACKAGE,
          "--output", project.sources().toString());

      assertThat(run.exitCode()).as(run.all()).isEqualTo(RetortCli.OK);
      assertThat(run.err()).as(run.all()).doesNotContain("warning:");
      assertThat(run.out()).contains("Wrote 4 entities and 4 enums");
      Map<String, String> files = files(project.sources());
      assertThat(files).containsOnlyKeys("com/example/model/Item.java", "com/example/model/ItemKind.java",
          "com/example/model/ItemKind2.java", "com/example/model/Shop.java", "com/example/model/ShopOrder.java",
          "com/example/model/ShopOrderState.java", "com/example/model/ShopOrderState2.java",
          "com/example/model/ShopOrderType.java");
      assertThat(files.get("com/example/model/Item.java")).contains("ItemKind2 kind");
      assertThat(files.get("com/example/model/ShopOrderState.java")).contains("  X,\n  Y\n}");
      assertThat(files.get("com/example/model/ShopOrderState2.java")).contains("  X,\n  Z\n}");
      assertThat(files.get("com/example/model/Shop.java")).contains("ShopOrderState orderState", "ShopOrderType orderType");
      assertThat(files.get("com/example/model/ShopOrder.java")).contains("ShopOrderState2 state", "ShopOrderType type");

      adoptAndRecreate(project, first, second);
    }
  }

  /** An enum column's type: an inline ENUM, or SQLite's text with a check. */
  private static String inlineEnum(TestDatabase.Kind kind, String column, String... values) {
    String list = Stream.of(values).map(value -> "'" + value + "'").collect(Collectors.joining(", "));
    return kind == TestDatabase.Kind.SQLITE ? "TEXT CHECK (" + column + " IN (" + list + "))" : "ENUM(" + list + ")";
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void entitiesOfALiveSchemaBuildAMigrationThatGivesTheSameSchema(TestDatabase.Kind kind, @TempDir Path dir)
      throws Exception {
    try (TestDatabase first = TestDatabase.create(kind); TestDatabase second = TestDatabase.create(kind)) {
      execute(first, schema(kind));
      EntityProject project = new EntityProject(dir.resolve("project"));

      execute(first, List.of("CREATE TABLE QRTZ_LOCKS (SCHED_NAME VARCHAR(120) NOT NULL PRIMARY KEY)"));

      Cli.Run run = retort(first, getClass().getClassLoader(), "entities", "--package", PACKAGE,
          "--output", project.sources().toString(), "--unmanaged", "qrtz_*");

      assertThat(run.exitCode()).as(run.all()).isEqualTo(RetortCli.OK);
      assertThat(run.out()).contains("Wrote 5 entities", "Authors.java (authors)", "Order.java (order)",
          "OrderLines.java (order_lines)", "Left out: ");
      assertThat(run.out().lines().filter(line -> line.startsWith("Left out: ")).findFirst().orElseThrow()
          .toLowerCase(Locale.ROOT)).contains("flyway_schema_history").contains("qrtz_locks");
      execute(first, List.of("DROP TABLE QRTZ_LOCKS"));
      assertThat(run.out()).containsPattern("Wrote 5 entities(, | and )2 views").contains("ActiveTitles.java (view active_titles)",
          "BookTitles.java (view book_titles)");
      assertThat(run.err().lines().filter(line -> line.startsWith("warning:")))
          .as(run.err())
          .hasSize(2)
          .allSatisfy(line -> assertThat(line).contains(": is a view, written as the @View record ",
              " gives it back, in its own spelling: where the query must run on another database the project targets,"));
      List<String> written = new ArrayList<>(List.of(
          "com/example/model/ActiveTitles.java", "com/example/model/Authors.java",
          "com/example/model/BookTitles.java", "com/example/model/Books.java", "com/example/model/Order.java",
          "com/example/model/OrderLines.java", "com/example/model/Reviews.java"));
      if (kind == TestDatabase.Kind.POSTGRESQL) {
        written.add("com/example/model/Mood.java");
      } else if (kind != TestDatabase.Kind.SQLITE) {
        written.add("com/example/model/ReviewsMood.java");
      }
      Map<String, String> files = files(project.sources());
      assertThat(files).containsOnlyKeys(written);
      String bookTitles = files.get("com/example/model/BookTitles.java");
      assertThat(bookTitles).contains("@View(name = \"book_titles\", value = ", "public record BookTitles(")
          .contains("'x;y'")
          .doesNotContain(first.name() + "`.", first.name() + "\".", ";\"\"\"", ";\")");
      if (kind == TestDatabase.Kind.SQLITE) {
        assertThat(bookTitles).contains("value = \"SELECT id, title FROM books WHERE title <> 'x;y'\")");
      }

      EntityProject.Build build = project.build();
      assertThat(build.succeeded()).as(build.log()).isTrue();
      assertThat(build.warnings()).as("javac's and the processor's warnings").isEmpty();
      SchemaModel model = SnapshotCodec.read(build.snapshot(), "snapshot");
      assertThat(model.tables()).hasSize(5);
      assertThat(model.views()).hasSize(2);
      try (Connection connection = connect(first)) {
        List<Difference> differences =
            SchemaInspector.differences(connection, Dialects.detect(connection), model, "retort_version");
        assertThat(differences).as("the first database against the entities' snapshot")
            .extracting(Difference::description)
            .containsExactly("table flyway_schema_history is in the database but not in the model");
      }

      try (URLClassLoader migrations = build.classLoader()) {
        // Adopting the first database as docs/coming-from.md says: stamp the first revision, then check.
        Cli.Run stamp = retort(first, migrations, "stamp", "head");
        assertThat(stamp.exitCode()).as(stamp.all()).isEqualTo(RetortCli.OK);
        Cli.Run adopted = retort(first, migrations, "check");
        assertThat(adopted.exitCode()).as(adopted.all()).isEqualTo(RetortCli.DIFFERENCES);
        assertThat(adopted.out()).contains("table flyway_schema_history is in the database but not in the model")
            .doesNotContain("view");
        execute(first, List.of("DROP TABLE flyway_schema_history"));
        Cli.Run clean = retort(first, migrations, "check");
        assertThat(clean.exitCode()).as(clean.all()).isEqualTo(RetortCli.OK);

        Cli.Run upgrade = retort(second, migrations, "upgrade");
        assertThat(upgrade.exitCode()).as(upgrade.all()).isEqualTo(RetortCli.OK);
        Cli.Run check = retort(second, migrations, "check");
        assertThat(check.exitCode()).as(check.all()).isEqualTo(RetortCli.OK);
        // The view over a view was created after the view it reads, and reads it.
        execute(second, List.of("SELECT id, title FROM active_titles"));
      }
    }
  }
}
