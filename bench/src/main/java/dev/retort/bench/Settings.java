package dev.retort.bench;

import dev.retort.bench.database.Server;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The harness's settings, read from system properties (the module's pom passes them on from
 * the mvn command line):
 *
 * <ul>
 *   <li>{@code bench.runs}: measured runs per cell of the start and differ sections, after one
 *       warm-up (default 5);
 *   <li>{@code bench.compileRuns}: measured runs per cell of the compile section (default 3: a
 *       compilation of thousands of entities takes a minute);
 *   <li>{@code bench.databases}: any of {@code H2,POSTGRESQL,MARIADB} (default all);
 *   <li>{@code bench.sections}: any of {@code start,compile,differ} (default all);
 *   <li>{@code bench.entities}: project sizes of the compile benchmark (default
 *       {@code 100,1000,5000});
 *   <li>{@code bench.tables}: schema sizes of the differ benchmark (default {@code 1000,10000});
 *   <li>{@code bench.readme}: the README whose result sections are rewritten; empty to only
 *       print;
 *   <li>{@code bench.work}: the working directory (required).
 * </ul>
 *
 * @param runs measured runs per cell of the start and differ sections
 * @param compileRuns measured runs per cell of the compile section
 * @param servers the databases of the start section
 * @param sections the sections to run
 * @param entities the compile benchmark's sizes
 * @param tables the differ benchmark's sizes
 * @param readme the README to update, if any
 * @param work the working directory
 */
record Settings(
    int runs, int compileRuns, List<Server> servers, Set<Section> sections, List<Integer> entities, List<Integer> tables,
    Optional<Path> readme, Path work) {

  /** The default of {@code bench.runs}. */
  static final int DEFAULT_RUNS = 5;

  /** The default of {@code bench.compileRuns}. */
  static final int DEFAULT_COMPILE_RUNS = 3;

  /** A part of the benchmark. */
  enum Section {
    /** No-op start and apply, on each database. */
    START,
    /** javac with and without the processor. */
    COMPILE,
    /** The differ alone. */
    DIFFER
  }

  /** Checks and copies the values. */
  Settings {
    if (runs < 1 || compileRuns < 1) {
      throw new IllegalArgumentException("bench.runs and bench.compileRuns must be at least 1, not " + runs + " and "
          + compileRuns);
    }
    servers = List.copyOf(servers);
    sections = Set.copyOf(sections);
    entities = List.copyOf(entities);
    tables = List.copyOf(tables);
    if (entities.stream().anyMatch(n -> n < 1) || tables.stream().anyMatch(n -> n < 1)) {
      throw new IllegalArgumentException("bench.entities and bench.tables must be positive: " + entities + ", " + tables);
    }
  }

  /**
   * Reads the settings.
   *
   * @param properties the system properties
   * @return the settings
   * @throws IllegalArgumentException naming the property that is wrong
   */
  static Settings from(Properties properties) {
    String work = properties.getProperty("bench.work", "").strip();
    if (work.isEmpty()) {
      throw new IllegalArgumentException("bench.work is not set: give the working directory with -Dbench.work=DIR");
    }
    String readme = properties.getProperty("bench.readme", "").strip();
    List<Server> servers = new ArrayList<>();
    for (String name : list(properties, "bench.databases", "H2,POSTGRESQL,MARIADB")) {
      servers.add(parse(Server.class, "bench.databases", name));
    }
    Set<Section> sections = EnumSet.noneOf(Section.class);
    for (String name : list(properties, "bench.sections", "start,compile,differ")) {
      sections.add(parse(Section.class, "bench.sections", name));
    }
    return new Settings(
        integer("bench.runs", properties.getProperty("bench.runs", String.valueOf(DEFAULT_RUNS))),
        integer("bench.compileRuns", properties.getProperty("bench.compileRuns", String.valueOf(DEFAULT_COMPILE_RUNS))),
        servers, sections,
        list(properties, "bench.entities", "100,1000,5000").stream().map(n -> integer("bench.entities", n)).toList(),
        list(properties, "bench.tables", "1000,10000").stream().map(n -> integer("bench.tables", n)).toList(),
        readme.isEmpty() ? Optional.empty() : Optional.of(Path.of(readme)),
        Path.of(work));
  }

  /** The mvn command that runs the harness with these settings. */
  String command() {
    StringBuilder command = new StringBuilder("./mvnw -B -ntp -Pbench-compare -pl bench -am -Dmaven.test.skip=true");
    if (runs != DEFAULT_RUNS) {
      command.append(" -Dbench.runs=").append(runs);
    }
    if (compileRuns != DEFAULT_COMPILE_RUNS) {
      command.append(" -Dbench.compileRuns=").append(compileRuns);
    }
    if (!servers.equals(List.of(Server.values()))) {
      command.append(" -Dbench.databases=").append(String.join(",", servers.stream().map(Server::name).toList()));
    }
    if (!sections.equals(EnumSet.allOf(Section.class))) {
      command.append(" -Dbench.sections=").append(String.join(",",
          EnumSet.copyOf(sections).stream().map(s -> s.name().toLowerCase(Locale.ROOT)).toList()));
    }
    if (!entities.equals(List.of(100, 1000, 5000))) {
      command.append(" -Dbench.entities=").append(join(entities));
    }
    if (!tables.equals(List.of(1000, 10000))) {
      command.append(" -Dbench.tables=").append(join(tables));
    }
    return command.append(" verify").toString();
  }

  private static String join(List<Integer> values) {
    return String.join(",", values.stream().map(String::valueOf).toList());
  }

  private static List<String> list(Properties properties, String name, String defaultValue) {
    List<String> values = new ArrayList<>();
    for (String value : properties.getProperty(name, defaultValue).split(",")) {
      if (!value.isBlank()) {
        values.add(value.strip());
      }
    }
    return values;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String property, String value) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(property + " holds '" + value + "'; use any of "
          + EnumSet.allOf(type).stream().map(Enum::name).toList(), e);
    }
  }

  private static int integer(String property, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(property + " holds '" + value + "', which is not a whole number", e);
    }
  }
}
