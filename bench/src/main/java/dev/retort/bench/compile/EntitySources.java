package dev.retort.bench.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the entities of the compile benchmark: records annotated {@code @Table}, each with 20
 * columns of the common kinds (keys, strings of several lengths, numbers, decimals, dates and
 * times, a UUID, nullable {@code Optional}s, a default) and an index, and each but the first
 * with a foreign key to an earlier entity (entity {@code n} references entity {@code n / 2}, so
 * the references form a tree and no chain is longer than log₂ n).
 */
public final class EntitySources {

  /** The package of the entities; the processor puts the migrations in its {@code migration} subpackage. */
  public static final String PACKAGE = "bench.model";

  /** How many columns each entity has. */
  public static final int COLUMNS = 20;

  private EntitySources() {}

  /**
   * Writes entities {@code first} to {@code last} under a source root.
   *
   * @param sourceRoot the root, such as {@code .../src/main/java}
   * @param first the first entity's number, from 1
   * @param last the last entity's number, at least {@code first}
   */
  public static void write(Path sourceRoot, int first, int last) {
    if (first < 1 || last < first) {
      throw new IllegalArgumentException("entities " + first + " to " + last + " is not a range from 1 up");
    }
    Path directory = sourceRoot.resolve(PACKAGE.replace('.', '/'));
    try {
      Files.createDirectories(directory);
      for (int n = first; n <= last; n++) {
        Files.writeString(directory.resolve(className(n) + ".java"), source(n), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the entities under " + directory, e);
    }
  }

  /**
   * The simple class name of entity {@code n}.
   *
   * @param n from 1
   * @return such as {@code Entity00017}
   */
  public static String className(int n) {
    return String.format(Locale.ROOT, "Entity%05d", n);
  }

  /**
   * The source of entity {@code n}.
   *
   * @param n from 1
   * @return the compilation unit
   */
  public static String source(int n) {
    String table = String.format(Locale.ROOT, "entity_%05d", n);
    List<String> lines = new ArrayList<>(List.of(
        "package " + PACKAGE + ";",
        "",
        "import static dev.retort.Column.Nullability.NOT_NULL;",
        "",
        "import dev.retort.Column;",
        "import dev.retort.Id;",
        "import dev.retort.Index;"));
    if (n > 1) {
      lines.add("import dev.retort.References;");
    }
    lines.addAll(List.of(
        "import dev.retort.Table;",
        "import java.math.BigDecimal;",
        "import java.time.Instant;",
        "import java.time.LocalDate;",
        "import java.time.LocalDateTime;",
        "import java.util.Optional;",
        "import java.util.UUID;",
        "",
        "/** Entity " + n + " of the compile benchmark. Written by the benchmark harness. */",
        "@Table(name = \"" + table + "\")",
        "@Index(columns = \"code\")",
        "public record " + className(n) + "(",
        "    @Id long id,",
        "    @Column(length = 40, unique = true, nullable = NOT_NULL) String code,",
        "    @Column(length = 200, nullable = NOT_NULL) String name,",
        "    Optional<String> description,",
        "    int quantity,",
        "    long total,",
        "    boolean active,",
        "    short rank,",
        "    double weight,",
        "    @Column(precision = 12, scale = 2, nullable = NOT_NULL) BigDecimal price,",
        "    @Column(precision = 12, scale = 2) Optional<BigDecimal> discount,",
        "    @Column(nullable = NOT_NULL) LocalDate validFrom,",
        "    Optional<LocalDate> validTo,",
        "    @Column(nullable = NOT_NULL) Instant createdAt,",
        "    Optional<Instant> updatedAt,",
        "    LocalDateTime lastSeen,",
        "    UUID externalId,",
        "    @Column(length = 3) Optional<String> currency,",
        "    @Column(defaultValue = \"0\") int revision,",
        n == 1 ? "    long ownerId) {}" : "    @References(" + className(n / 2) + ".class) long parentId) {}",
        ""));
    return String.join("\n", lines);
  }
}
