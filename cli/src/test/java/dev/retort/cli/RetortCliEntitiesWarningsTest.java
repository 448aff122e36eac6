package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.testdb.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code retort entities} cannot declare is a warning that names it and says what to do,
 * on each database with what that database keeps (SQLite keeps most kinds and needs no server);
 * it never overwrites a file; its output is the same on every run; {@code --tables} and
 * {@code --schema} choose what it reads.
 */
class RetortCliEntitiesWarningsTest {

  private static final List<String> SCHEMA = List.of(
      "CREATE TABLE parent (a INTEGER NOT NULL, b INTEGER NOT NULL, name VARCHAR(40),"
          + " CONSTRAINT pk_parent PRIMARY KEY (a, b), UNIQUE (name, a))",
      "CREATE TABLE child (id BIGINT NOT NULL PRIMARY KEY, a INTEGER, b INTEGER, c INTEGER, d INTEGER, happened DATETIME,"
          + " doubled INTEGER GENERATED ALWAYS AS (score * 2) VIRTUAL,"
          + " score INTEGER CHECK (score > 0), FOREIGN KEY (a, b) REFERENCES parent (a, b),"
          + " FOREIGN KEY (c, d) REFERENCES parent (b, a),"
          + " CONSTRAINT ck_child_happened CHECK (happened IS NOT NULL OR score IS NULL))",
      "CREATE INDEX child_lower ON child (lower(happened))",
      "CREATE INDEX child_scored ON child (score) WHERE score IS NOT NULL",
      "CREATE INDEX child_by_time ON child (happened, score)",
      "CREATE TRIGGER child_touch AFTER INSERT ON child BEGIN UPDATE child SET score = 1 WHERE id = NEW.id; END",
      "CREATE VIEW child_view AS SELECT id FROM child",
      "CREATE VIEW child_named (child, points) AS SELECT id, score FROM child",
      "CREATE VIEW child_times AS SELECT id, happened FROM child");

  private static Cli.Run entities(TestDatabase db, Path output, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("entities", "--url", db.url(), "--package", "app.model",
        "--output", output.toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  private static TestDatabase database() throws SQLException {
    TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE);
    try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
      for (String sql : SCHEMA) {
        statement.execute(sql);
      }
    }
    return db;
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

  @Test
  void whatAnEntityCannotDeclareIsAWarningWithWhatToDoAndTheRestBuilds(@TempDir Path dir) throws Exception {
    try (TestDatabase db = database()) {
      EntityProject project = new EntityProject(dir);

      Cli.Run run = entities(db, project.sources());

      assertThat(run.exitCode()).as(run.all()).isEqualTo(RetortCli.OK);
      assertThat(run.err().lines().filter(line -> line.startsWith("warning: ")))
          .as(run.err())
          .anySatisfy(line -> assertThat(line).startsWith("warning: child_view: is a view, written as the @View record"
              + " ChildView with the query as SQLite gives it back, in its own spelling"))
          .anySatisfy(line -> assertThat(line).startsWith("warning: child_named: is a view that names its columns,"
              + " CREATE VIEW child_named (…) AS …, which @View cannot declare; no @View record is written."))
          .anySatisfy(line -> assertThat(line).startsWith("warning: child_times: is a view, written as the @View"))
          .anySatisfy(line -> assertThat(line).startsWith("warning: child_times.happened: is DATETIME")
              .contains("the @View record leaves the column out"))
          .anySatisfy(line -> assertThat(line).startsWith("warning: child: has the trigger child_touch")
              .contains("CREATE TRIGGER")
              .contains("stamp that migration's revision, not the first, on a database that has the trigger"))
          .anySatisfy(line -> assertThat(line).startsWith("warning: child.happened: is DATETIME")
              .contains("left out of the entity"))
          .anySatisfy(line -> assertThat(line).startsWith("warning: child: has a check without a name")
              .contains("score > 0"))
          .anySatisfy(line -> assertThat(line).startsWith("warning: child: has the index child_lower on an expression"))
          .anySatisfy(line -> assertThat(line)
              .startsWith("warning: child: has the index child_scored on [score] (partial, WHERE score IS NOT NULL)"))
          .anySatisfy(line -> assertThat(line).startsWith(
              "warning: child: has the check ck_child_happened (happened IS NOT NULL OR score IS NULL) on happened,"))
          .anySatisfy(line -> assertThat(line).startsWith(
              "warning: child: has the index child_by_time on [happened, score], whose happened the entity leaves out"))
          .anySatisfy(line -> assertThat(line).startsWith("warning: child.doubled: is a generated column"))
          .anySatisfy(line -> assertThat(line).startsWith("warning: child: has the foreign key [c, d] → parent [b, a],"
              + " whose referenced columns are not, in this order, the primary key of parent nor unique there"))
          .noneSatisfy(line -> assertThat(line).startsWith("warning: parent:"))
          .hasSize(13);
      assertThat(files(project.sources()).get("app/model/Parent.java")).contains("@Unique(columns = {\"name\", \"a\"})\n");
      String child = files(project.sources()).get("app/model/Child.java");
      assertThat(child)
          .contains("@ForeignKey(columns = {\"a\", \"b\"}, references = Parent.class)\n")
          .doesNotContain("\"c\", \"d\"")
          .contains("child: has the trigger child_touch")
          .doesNotContain(" happened,\n", "NOT_NULL", "@Check", "@Index")
          .contains("    Integer a,\n", "    Integer b,\n", "    Integer score) {}");
      assertThat(files(project.sources())).doesNotContainKey("app/model/ChildNamed.java");
      assertThat(files(project.sources()).get("app/model/ChildView.java"))
          .contains("@View(name = \"child_view\", value = \"SELECT id FROM child\")\npublic record ChildView(\n    Long id) {}");
      assertThat(files(project.sources()).get("app/model/ChildTimes.java"))
          .contains("@View(name = \"child_times\", value = \"SELECT id, happened FROM child\")\n"
              + "public record ChildTimes(\n    Long id) {}");
      EntityProject.Build build = project.build();
      assertThat(build.succeeded()).as(build.log()).isTrue();
    }
  }

  @Test
  void unmanagedViewsAreNeitherWrittenNorWarnedAbout(@TempDir Path dir) throws Exception {
    try (TestDatabase db = database()) {
      Cli.Run run = entities(db, dir, "--unmanaged", "child_*");

      assertThat(run.exitCode()).as(run.all()).isEqualTo(RetortCli.OK);
      assertThat(files(dir)).containsOnlyKeys("app/model/Child.java", "app/model/Parent.java");
      assertThat(run.err()).doesNotContain("child_view", "child_named", "child_times");
    }
  }

  @Test
  void onPostgresqlASerialKeyAPartialOrHashIndexAndAnUnboundedVarcharAreWarningsAndTheKeyKeepsItsName(@TempDir Path dir)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
      try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE tags (id serial PRIMARY KEY, label varchar NOT NULL, code varchar(10),"
            + " weight integer, heavy boolean GENERATED ALWAYS AS (weight > 10) STORED)");
        statement.execute("CREATE INDEX tags_code_hash ON tags USING hash (code)");
        statement.execute("CREATE UNIQUE INDEX tags_weight_positive ON tags (weight) WHERE weight > 0");
      }
      EntityProject project = new EntityProject(dir);

      Cli.Run run = Cli.run("entities", "--url", db.url(), "--user", db.user(), "--package", "app.model",
          "--output", project.sources().toString());

      assertThat(run.exitCode()).as(run.all()).isEqualTo(RetortCli.OK);
      assertThat(run.err().lines().filter(line -> line.startsWith("warning: ")))
          .as(run.err())
          .anySatisfy(line -> assertThat(line).startsWith("warning: tags.id: is a serial column, generated from the"
              + " default nextval('tags_id_seq'::regclass) of its own sequence public.tags_id_seq;")
              .contains("BEGIN; ALTER TABLE \"public\".\"tags\" ALTER COLUMN \"id\" DROP DEFAULT;"))
          .anySatisfy(line -> assertThat(line).startsWith("warning: tags.label: is character varying,")
              .contains("The nearest type Retort has is varchar(255) (String), which is varchar(255) here"))
          .anySatisfy(line -> assertThat(line)
              .startsWith("warning: tags: has the index tags_code_hash on [code] (USING hash)"))
          .anySatisfy(line -> assertThat(line).startsWith(
              "warning: tags: has the index tags_weight_positive on [weight] (partial, WHERE (weight > 0))"))
          .anySatisfy(line -> assertThat(line).startsWith("warning: tags.heavy: is a generated column"))
          .noneSatisfy(line -> assertThat(line).contains("primary key"))
          .hasSize(5);
      String tags = Files.readString(project.sources().resolve("app/model/Tags.java"));
      assertThat(tags).contains("@Table(name = \"tags\", primaryKey = \"tags_pkey\")", "@Id(generated = true) int id,",
          "@Column(length = 10) String code,",
          "Integer weight) {}");
      EntityProject.Build build = project.build();
      assertThat(build.succeeded()).as(build.log()).isTrue();
    }
  }

  /**
   * A PostgreSQL column generated from a sequence that is not a key of one column owning its
   * sequence: a key whose sequence another key shares, or that it does not own, is declared
   * {@code @Id(generated = true)} with a warning whose conversion keeps the sequence, which
   * works; a serial column that is not a lone key keeps its default with a warning. No script is
   * written: none of them is a serial key to convert without a decision.
   */
  @Test
  void onPostgresqlASerialColumnThatIsNotAKeyOwningItsSequenceIsAWarningWithWhatToDo(@TempDir Path dir)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
      try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
        statement.execute("CREATE SEQUENCE shared_seq");
        statement.execute("CREATE TABLE tickets (id integer DEFAULT nextval('shared_seq') PRIMARY KEY)");
        statement.execute("CREATE TABLE passes (id bigint DEFAULT nextval('shared_seq') PRIMARY KEY)");
        statement.execute("CREATE SEQUENCE badges_id_seq");
        statement.execute("CREATE TABLE badges (id integer DEFAULT nextval('badges_id_seq') PRIMARY KEY)");
        statement.execute("CREATE TABLE lines (order_no integer NOT NULL, line serial, PRIMARY KEY (order_no, line))");
        statement.execute("CREATE TABLE events (id bigint PRIMARY KEY, seq_no bigserial)");
        statement.execute("INSERT INTO passes DEFAULT VALUES");
        statement.execute("INSERT INTO tickets DEFAULT VALUES");
        statement.execute("INSERT INTO passes DEFAULT VALUES");
      }
      EntityProject project = new EntityProject(dir);
      Path script = dir.resolve("serial-to-identity.sql");

      Cli.Run run = Cli.run("entities", "--url", db.url(), "--user", db.user(), "--package", "app.model",
          "--output", project.sources().toString(), "--conversion-script", script.toString());

      assertThat(run.exitCode()).as(run.all()).isEqualTo(RetortCli.OK);
      assertThat(run.out()).contains("No serial key to convert to an identity column: " + script.toAbsolutePath()
          + " is not written.");
      assertThat(script).doesNotExist();
      List<String> warnings = run.err().lines().filter(line -> line.startsWith("warning: ")).toList();
      assertThat(warnings)
          .as(run.err())
          .anySatisfy(line -> assertThat(line).startsWith("warning: tickets.id: is generated from the default"
              + " nextval('shared_seq'::regclass) of the sequence public.shared_seq, which the default of passes.id"
              + " uses too; it is declared @Id(generated = true)")
              .contains("Unless the application calls nextval on the sequence itself",
                  "ALTER TABLE \"public\".\"tickets\" ALTER COLUMN \"id\" ADD GENERATED BY DEFAULT AS IDENTITY;")
              .doesNotContain("DROP SEQUENCE", "drop the sequence"))
          .anySatisfy(line -> assertThat(line).startsWith("warning: passes.id: is generated from the default"
              + " nextval('shared_seq'::regclass) of the sequence public.shared_seq, which the default of tickets.id"
              + " uses too;"))
          .anySatisfy(line -> assertThat(line).startsWith("warning: badges.id: is generated from the default"
              + " nextval('badges_id_seq'::regclass) of the sequence public.badges_id_seq, which the column does not"
              + " own (no OWNED BY);").endsWith("COMMIT; Then drop the sequence if nothing else uses it."))
          .anySatisfy(line -> assertThat(line).startsWith("warning: lines.line: is a serial column, generated from"
              + " the default nextval('lines_line_seq'::regclass) of the sequence public.lines_line_seq, which check()"
              + " sees as an identity column;").contains("CREATE SEQUENCE"))
          .anySatisfy(line -> assertThat(line).startsWith("warning: events.seq_no: is a serial column"))
          .hasSize(5);
      Map<String, String> files = files(project.sources());
      assertThat(files.get("app/model/Tickets.java")).contains("@Id(generated = true) int id) {}");
      assertThat(files.get("app/model/Badges.java")).contains("@Id(generated = true) int id) {}");
      assertThat(files.get("app/model/Lines.java"))
          .contains("defaultExpression = \"nextval('lines_line_seq'::regclass)\"")
          .doesNotContain("@Id(generated");
      EntityProject.Build build = project.build();
      assertThat(build.succeeded()).as(build.log()).isTrue();

      String tickets = warnings.stream().filter(line -> line.startsWith("warning: tickets.id: ")).findFirst()
          .orElseThrow();
      try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
        statement.execute(tickets.substring(tickets.indexOf("BEGIN;"), tickets.indexOf("COMMIT;") + "COMMIT;".length()));
        try (ResultSet inserted = statement.executeQuery("INSERT INTO tickets DEFAULT VALUES RETURNING id")) {
          assertThat(inserted.next()).isTrue();
          assertThat(inserted.getInt(1)).as("after the shared sequence's last value").isEqualTo(4);
        }
        try (ResultSet inserted = statement.executeQuery("INSERT INTO passes DEFAULT VALUES RETURNING id")) {
          assertThat(inserted.next()).isTrue();
          assertThat(inserted.getLong(1)).as("the sequence left to passes").isEqualTo(4);
        }
      }
    }
  }

  @Test
  void onMariadbTypesWithoutAJavaTypeAndPrefixOrFullTextIndexesAreWarnings(@TempDir Path dir) throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.MARIADB)) {
      try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE posts (id INT(11) NOT NULL AUTO_INCREMENT PRIMARY KEY,"
            + " author_id INT(11) NOT NULL, title VARCHAR(200) NOT NULL, body TEXT, posted DATETIME,"
            + " flags TINYINT NOT NULL DEFAULT 0, views INT UNSIGNED, title_length INT AS (CHAR_LENGTH(title)) VIRTUAL,"
            + " KEY posts_title_prefix (title(20)), FULLTEXT KEY posts_body (body))");
        statement.execute("CREATE TABLE authors (id INT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL)");
        statement.execute("ALTER TABLE posts ADD CONSTRAINT posts_author FOREIGN KEY (author_id) REFERENCES authors (id)");
      }
      EntityProject project = new EntityProject(dir);

      Cli.Run run = Cli.run("entities", "--url", db.url(), "--user", db.user(), "--package", "app.model",
          "--output", project.sources().toString());

      assertThat(run.exitCode()).as(run.all()).isEqualTo(RetortCli.OK);
      assertThat(run.err().lines().filter(line -> line.startsWith("warning: ")))
          .as(run.err())
          .anySatisfy(line -> assertThat(line).startsWith("warning: posts.flags: is tinyint"))
          .anySatisfy(line -> assertThat(line).startsWith("warning: posts.views: is int(10) unsigned"))
          .anySatisfy(line -> assertThat(line).startsWith(
              "warning: posts: has the index posts_title_prefix on [title] (on the first 20 characters of title)"))
          .anySatisfy(line -> assertThat(line).startsWith("warning: posts: has the index posts_body on [body] (FULLTEXT)"))
          .anySatisfy(line -> assertThat(line).startsWith("warning: posts.title_length: is a generated column"))
          .anySatisfy(line -> assertThat(line).startsWith("warning: posts.body: is text,")
              .contains("The nearest type Retort has is text (String with @Column(type = \"text\")), which is LONGTEXT"))
          .hasSize(6);
      String posts = Files.readString(project.sources().resolve("app/model/Posts.java"));
      assertThat(posts).contains("@Id(generated = true) int id,",
          "@References(value = Authors.class, name = \"posts_author\") int authorId,", "String title,",
          "@Column(precision = 0) LocalDateTime posted) {}");
      EntityProject.Build build = project.build();
      assertThat(build.succeeded()).as(build.log()).isTrue();
    }
  }

  @Test
  void onH2UpperCaseNamesAreGivenAndTheKeyAndTheUniqueConstraintKeepTheirNames(@TempDir Path dir) throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2)) {
      try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE LINE_ITEMS (ORDER_NO BIGINT NOT NULL, LINE INT NOT NULL, SKU VARCHAR(20),"
            + " QTY INT, DOUBLE_QTY INT GENERATED ALWAYS AS (QTY * 2), PRIMARY KEY (ORDER_NO, LINE), UNIQUE (SKU, QTY))");
      }
      EntityProject project = new EntityProject(dir);

      Cli.Run run = Cli.run("entities", "--url", db.url(), "--user", db.user(), "--package", "app.model",
          "--output", project.sources().toString());

      assertThat(run.exitCode()).as(run.all()).isEqualTo(RetortCli.OK);
      assertThat(run.err().lines().filter(line -> line.startsWith("warning: ")))
          .as(run.err())
          .anySatisfy(line -> assertThat(line).startsWith("warning: LINE_ITEMS.DOUBLE_QTY: is a generated column"))
          .hasSize(1);
      String items = Files.readString(project.sources().resolve("app/model/LineItems.java"));
      assertThat(items).containsPattern("@Table\\(name = \"LINE_ITEMS\", primaryKey = \"CONSTRAINT_\\w+\"\\)");
      assertThat(items).containsPattern("@Unique\\(\\s*name = \"CONSTRAINT_\\w+\",\\s*columns = \\{\"SKU\", \"QTY\"\\}\\s*\\)");
      assertThat(items).contains( "@Id @Column(name = \"ORDER_NO\") long orderNo,",
          "@Id @Column(name = \"LINE\") int line,", "@Column(name = \"SKU\", length = 20) String sku,");
      EntityProject.Build build = project.build();
      assertThat(build.succeeded()).as(build.log()).isTrue();
    }
  }

  @Test
  void anotherSchemaIsNamedOnEachEntity(@TempDir Path dir) throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
      try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
        statement.execute("CREATE SCHEMA sales");
        statement.execute("CREATE TABLE sales.regions (id integer CONSTRAINT pk_regions PRIMARY KEY, name varchar(40))");
        statement.execute("CREATE TABLE sales.invoices (id bigint CONSTRAINT pk_invoices PRIMARY KEY,"
            + " region_id integer CONSTRAINT fk_invoices_region_id REFERENCES sales.regions (id))");
        statement.execute("CREATE TABLE public.elsewhere (id bigint PRIMARY KEY)");
      }
      EntityProject project = new EntityProject(dir);

      Cli.Run run = Cli.run("entities", "--url", db.url(), "--user", db.user(), "--schema", "sales",
          "--package", "app.model", "--output", project.sources().toString());

      assertThat(run.exitCode()).as(run.all()).isEqualTo(RetortCli.OK);
      assertThat(run.out()).contains("Wrote 2 entities of schema sales");
      assertThat(run.err()).doesNotContain("warning:");
      assertThat(Files.readString(project.sources().resolve("app/model/Invoices.java")))
          .contains("@Table(name = \"invoices\", schema = \"sales\")", "@References(Regions.class) Integer regionId");
      EntityProject.Build build = project.build();
      assertThat(build.succeeded()).as(build.log()).isTrue();
      assertThat(build.snapshot()).contains("sales");
    }
  }

  @Test
  void aSecondRunWritesNothingWhereAFileExistsAndTheSameTextElsewhere(@TempDir Path dir) throws Exception {
    try (TestDatabase db = database()) {
      Path first = dir.resolve("first");
      assertThat(entities(db, first).exitCode()).isEqualTo(RetortCli.OK);
      Map<String, String> written = files(first);
      Files.writeString(first.resolve("app/model/Parent.java"), "// edited by hand\n", StandardCharsets.UTF_8);

      Cli.Run again = entities(db, first);

      assertThat(again.exitCode()).isEqualTo(RetortCli.FAILED);
      assertThat(again.err()).contains("these files exist, and entities never overwrites a file; nothing was written",
          first.resolve("app/model/Child.java").toAbsolutePath().toString(),
          first.resolve("app/model/Parent.java").toAbsolutePath().toString());
      assertThat(Files.readString(first.resolve("app/model/Parent.java"))).isEqualTo("// edited by hand\n");

      Path second = dir.resolve("second");
      assertThat(entities(db, second).exitCode()).isEqualTo(RetortCli.OK);
      assertThat(files(second)).isEqualTo(written);
    }
  }

  @Test
  void tablesChoosesTablesAndViewsAndAReferenceToATableLeftOutIsAWarning(@TempDir Path dir) throws Exception {
    try (TestDatabase db = database();
        Connection connection = db.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE note (id BIGINT NOT NULL PRIMARY KEY,"
          + " child_id BIGINT REFERENCES child (id) ON DELETE CASCADE)");

      Cli.Run run = entities(db, dir, "--tables", "note");

      assertThat(run.exitCode()).as(run.all()).isEqualTo(RetortCli.OK);
      assertThat(files(dir)).containsOnlyKeys("app/model/Note.java");
      assertThat(run.err()).contains("warning: note.child_id: references child, which is not read");

      Cli.Run unknown = entities(db, dir.resolve("other"), "--tables", "note,nope");
      assertThat(unknown.exitCode()).isEqualTo(RetortCli.FAILED);
      assertThat(unknown.err()).contains("schema main has no table or view nope; its tables are child, note, parent; its views are child_named, child_times, child_view");

      Cli.Run withView = entities(db, dir.resolve("view"), "--tables", "note,child_view");
      assertThat(withView.exitCode()).as(withView.all()).isEqualTo(RetortCli.OK);
      assertThat(files(dir.resolve("view"))).containsOnlyKeys("app/model/Note.java", "app/model/ChildView.java");
    }
  }
}
