package dev.retort.examples.guide;

import dev.retort.model.ColumnModel;
import dev.retort.model.SchemaModel;
import dev.retort.model.TableModel;
import dev.retort.operation.Vendor;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.snapshot.SnapshotCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Markdown tables of the guide that are computed from the product rather than written:
 *
 * <ul>
 *   <li>{@code types}: the Java → column type mapping, per database. The Java types are the
 *       members of the entity {@code typemapping/TypeSamples.java} (a test resource), which is
 *       compiled here with the Retort processor; the column types are read from the snapshot
 *       the processor writes, and each dialect's SQL type from {@link Dialect#columnType}.
 * </ul>
 */
final class GeneratedTables {

  private static final String SAMPLE = "typemapping/TypeSamples.java";
  /** A member line of the sample: its Java type (with annotations) and its name. */
  private static final Pattern MEMBER = Pattern.compile("^\\s{4}(.+?)\\s+([a-z][A-Za-z0-9]*)[,)].*$");

  private GeneratedTables() {}

  /**
   * Renders a table.
   *
   * @param name the table's name
   * @return its lines
   * @throws IllegalArgumentException if there is no such table
   */
  static List<String> render(String name) {
    if (!name.equals("types")) {
      throw new IllegalArgumentException("no generated table '" + name + "'; the tables are: types");
    }
    return typeMapping();
  }

  private static List<String> typeMapping() {
    String source = resource(SAMPLE);
    TableModel table = processedSample(source);
    Map<String, String> javaTypes = javaTypes(source);
    Map<String, Dialect> dialects = new LinkedHashMap<>();
    dialects.put("H2", Dialects.forVendor(Vendor.H2));
    dialects.put("SQLite", Dialects.forVendor(Vendor.SQLITE));
    dialects.put("PostgreSQL", Dialects.forVendor(Vendor.POSTGRESQL));
    dialects.put("MariaDB", Dialects.forVendor(Vendor.MARIADB));
    dialects.put("MySQL", Dialects.forVendor(Vendor.MYSQL));

    List<String> lines = new ArrayList<>();
    lines.add("| Java member | Retort type | nullable | " + String.join(" | ", dialects.keySet()) + " |");
    lines.add("| --- | --- | --- |" + " --- |".repeat(dialects.size()));
    for (ColumnModel column : table.columns()) {
      String javaType = javaTypes.get(column.name());
      if (javaType == null) {
        throw new IllegalStateException("column " + column.name() + " of the sample has no member line");
      }
      StringBuilder row = new StringBuilder("| `").append(javaType).append("` | `")
          .append(column.type().sql()).append("` | ").append(column.nullable() ? "yes" : "no").append(" |");
      for (Dialect dialect : dialects.values()) {
        row.append(" `").append(dialect.columnType(column.type())).append("` |");
      }
      lines.add(row.toString());
    }
    return lines;
  }

  /** Compiles the sample in generate mode and reads back the snapshot the processor wrote. */
  private static TableModel processedSample(String source) {
    Path work;
    try {
      work = Files.createTempDirectory("guide-types");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Path sources = work.resolve("src/main/java");
      Path resources = work.resolve("src/main/resources");
      Path file = sources.resolve(SAMPLE);
      Files.createDirectories(file.getParent());
      Files.writeString(file, source, StandardCharsets.UTF_8);
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      String classPath = System.getProperty("java.class.path");
      int status = javac.run(null, output, output, "--release", "17", "-d", work.resolve("classes").toString(),
          "-classpath", classPath, "-processorpath", classPath, "-Aretort.mode=generate",
          "-Aretort.clock=2026-01-01T00:00:00Z", file.toString());
      if (status != 0) {
        throw new IllegalStateException(
            "the type samples do not compile:\n" + output.toString(StandardCharsets.UTF_8));
      }
      List<Path> snapshots;
      try (Stream<Path> paths = Files.walk(resources)) {
        snapshots = paths.filter(path -> path.toString().endsWith(".schema")).collect(Collectors.toList());
      }
      if (snapshots.size() != 1) {
        throw new IllegalStateException("expected one snapshot from the processor, found " + snapshots);
      }
      SchemaModel schema = SnapshotCodec.read(Files.readString(snapshots.get(0)), snapshots.get(0).toString());
      return schema.table("type_samples").orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteRecursively(work);
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + directory, e);
    }
  }

  /** Column name (the member name in snake_case) → the member's Java type as written. */
  private static Map<String, String> javaTypes(String source) {
    Map<String, String> types = new LinkedHashMap<>();
    boolean inComponents = false;
    for (String line : source.lines().toList()) {
      if (line.startsWith("public record")) {
        inComponents = true;
        continue;
      }
      if (!inComponents) {
        continue;
      }
      Matcher member = MEMBER.matcher(line);
      if (member.matches()) {
        types.put(snakeCase(member.group(2)), member.group(1).replace("@Id ", ""));
      }
      if (line.contains("{")) {
        break;
      }
    }
    return types;
  }

  private static String snakeCase(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }

  private static String resource(String name) {
    try (InputStream in = GeneratedTables.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("test resource " + name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
