package dev.retort.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.Migration;
import dev.retort.dsl.Schema;
import dev.retort.operation.Vendor;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example of the DSL reference runs on every database, after the schema it starts from:
 * the SQL the guide shows is not only rendered but accepted, and what it shows as not supported
 * is refused before anything runs. PostgreSQL and MariaDB are the
 * local servers ({@code 127.0.0.1:5432} as {@code postgres}, {@code 127.0.0.1:3306} as
 * {@code root}); without them those cases are skipped, or fail under {@code CI=true}.
 */
class DslExamplesRunTest {

  private static final Map<String, Vendor> VENDORS = Map.of(
      "h2", Vendor.H2, "sqlite", Vendor.SQLITE, "postgresql", Vendor.POSTGRESQL, "mariadb", Vendor.MARIADB);

  static Stream<Arguments> examplesOnDatabases() {
    List<Arguments> cases = new ArrayList<>();
    for (Method method : DslExamples.class.getDeclaredMethods()) {
      if (Modifier.isStatic(method.getModifiers()) && !method.isSynthetic() && !method.getName().equals("base")
          && method.getParameterCount() == 1 && method.getParameterTypes()[0] == Schema.class) {
        for (String database : List.of("h2", "sqlite", "postgresql", "mariadb")) {
          cases.add(Arguments.of(method.getName(), database));
        }
      }
    }
    cases.sort(Comparator.comparing(arguments -> arguments.get()[0] + "/" + arguments.get()[1]));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("examplesOnDatabases")
  void runsAfterTheBaseSchema(String example, String database) throws Exception {
    try (Scratch scratch = Scratch.create(database)) {
      Retort retort = Retort.builder()
          .url(scratch.url(), scratch.user(), "")
          .migrations(
              Retort.revision("1", List.of(), () -> (Migration) DslExamples::base),
              Retort.revision("2", List.of("1"), () -> (Migration) schema -> call(example, schema)))
          .build();

      if (DslReferenceSql.refuses(example, VENDORS.get(database))) {
        assertThatThrownBy(retort::upgrade).as("%s on %s, which the guide shows as not supported", example, database)
            .isInstanceOfSatisfying(RetortException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION));
      } else {
        assertThatCode(retort::upgrade).as("%s on %s", example, database).doesNotThrowAnyException();
      }
    }
  }

  private static void call(String example, Schema schema) {
    try {
      DslExamples.class.getDeclaredMethod(example, Schema.class).invoke(null, schema);
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new IllegalStateException("cannot call DslExamples." + example, e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("DslExamples." + example + " failed", e.getCause());
    }
  }

  /** A fresh, empty database, dropped or deleted on close. */
  record Scratch(String kind, String url, String user, String name, Path directory) implements AutoCloseable {

    static Scratch create(String kind) throws IOException {
      String name = "guide_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      switch (kind) {
        case "h2": {
          Path dir = Files.createTempDirectory("guide-h2-");
          return new Scratch(kind, "jdbc:h2:file:" + dir.resolve(name) + ";DATABASE_TO_LOWER=TRUE", "sa", name, dir);
        }
        case "sqlite": {
          Path dir = Files.createTempDirectory("guide-sqlite-");
          return new Scratch(kind, "jdbc:sqlite:" + dir.resolve(name + ".db"), "", name, dir);
        }
        case "postgresql":
          admin("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "CREATE DATABASE " + name);
          return new Scratch(kind, "jdbc:postgresql://127.0.0.1:5432/" + name, "postgres", name, null);
        case "mariadb":
          admin("jdbc:mariadb://127.0.0.1:3306/", "root", "CREATE DATABASE " + name);
          return new Scratch(kind, "jdbc:mariadb://127.0.0.1:3306/" + name, "root", name, null);
        default:
          throw new IllegalArgumentException(kind);
      }
    }

    @Override
    public void close() {
      switch (kind) {
        case "postgresql":
          admin("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres",
              "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
          break;
        case "mariadb":
          admin("jdbc:mariadb://127.0.0.1:3306/", "root", "DROP DATABASE IF EXISTS " + name);
          break;
        default:
          try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
              Files.delete(path);
            }
          } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
          }
      }
    }

    private static void admin(String url, String user, String sql) {
      try (Connection connection = DriverManager.getConnection(url, user, "");
          Statement statement = connection.createStatement()) {
        statement.execute(sql);
      } catch (SQLException e) {
        String message = url + " is not reachable as " + user + " (" + e.getMessage() + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
          Assertions.fail("CI=true requires every database: " + message, e);
        }
        Assumptions.abort("skipped: " + message);
      }
    }
  }
}
