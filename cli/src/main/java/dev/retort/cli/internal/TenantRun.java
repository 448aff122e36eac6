package dev.retort.cli.internal;

import dev.retort.runtime.RetortException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One command run in several schemas, one after another, as a deployment migrates its tenants: each schema's lines
 * start with its name in brackets ({@code [tenant_acme] Upgraded from …}), a schema that fails is reported and the
 * run goes on with the next (a failure with an earlier schema's message in a line naming that schema), and a summary
 * counts them at the end.
 */
public final class TenantRun {

  private final Consumer<String> out;
  private final Consumer<String> err;
  private String working;

  /**
   * Prepares the run; nothing runs yet.
   *
   * @param out prints a line of the report
   * @param err prints a schema's failure
   */
  public TenantRun(Consumer<String> out, Consumer<String> err) {
    this.out = Objects.requireNonNull(out, "out == null");
    this.err = Objects.requireNonNull(err, "err == null");
  }

  /**
   * Prints a line about the schema at work, such as a migration as soon as it is recorded.
   *
   * @param line the line
   */
  public void print(String line) {
    out.accept(working == null ? line : prefix(working) + line);
  }

  /**
   * Runs the command in each schema, in order, printing its lines or its failure.
   *
   * @param schemas the schemas, in order
   * @param command runs the command in the schema it is given
   * @return what came of each schema
   */
  public Summary run(List<String> schemas, Function<String, Outcome> command) {
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    List<String> failed = new ArrayList<>();
    // A failure that names no schema, such as a setting the database refuses, is alike in every schema: printed
    // once, with the first schema that had it, and not again for each of maybe hundreds of tenants.
    Map<String, String> firstWithMessage = new LinkedHashMap<>();
    for (String schema : schemas) {
      working = schema;
      try {
        Outcome outcome = command.apply(schema);
        outcome.lines().forEach(this::print);
        outcomes.put(schema, outcome);
      } catch (RetortException e) {
        String first = firstWithMessage.putIfAbsent(e.getMessage(), schema);
        err.accept(prefix(schema)
            + (first == null ? e.getMessage() : "Failed as " + first + " did, with the same message (above)."));
        failed.add(schema);
      } finally {
        working = null;
      }
    }
    return new Summary(schemas, outcomes, failed);
  }

  private static String prefix(String schema) {
    return "[" + schema + "] ";
  }

  /**
   * What came of a run over several schemas.
   *
   * @param schemas the schemas, in order
   * @param outcomes what the command came to in each schema that did not fail
   * @param failed the schemas that failed, in order
   */
  public record Summary(List<String> schemas, Map<String, Outcome> outcomes, List<String> failed) {

    /** Copies the components. */
    public Summary {
      schemas = List.copyOf(schemas);
      outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
      failed = List.copyOf(failed);
    }

    /** Whether a schema differs from its revision's schema ({@code check}). */
    public boolean differs() {
      return outcomes.values().stream().anyMatch(outcome -> outcome.kind() == Outcome.Kind.DIFFERS);
    }

    /** The lines of the schemas that differ, each starting with the schema's name, for a failure's message. */
    public List<String> differences() {
      List<String> lines = new ArrayList<>();
      outcomes.forEach((schema, outcome) -> {
        if (outcome.kind() == Outcome.Kind.DIFFERS) {
          outcome.lines().forEach(line -> lines.add(prefix(schema) + line));
        }
      });
      return lines;
    }

    /**
     * The summary line: how many schemas, then each label with its count, naming the schemas where the label asks
     * for it, and last the schemas that failed, such as {@code 3 schemas: 1 upgraded; 1 already at 0003 (head); 1
     * failed: tenant_c.}
     *
     * @param kind what a schema is on the database: {@code schema}, or {@code database} on MySQL and MariaDB
     * @return the line
     */
    public String line(String kind) {
      Map<String, List<String>> byLabel = new LinkedHashMap<>();
      Map<String, Boolean> named = new LinkedHashMap<>();
      outcomes.forEach((schema, outcome) -> {
        byLabel.computeIfAbsent(outcome.label(), label -> new ArrayList<>()).add(schema);
        named.merge(outcome.label(), outcome.kind() != Outcome.Kind.COUNTED, Boolean::logicalOr);
      });
      List<String> parts = new ArrayList<>();
      byLabel.forEach((label, names) -> parts.add(names.size() + " " + label
          + (named.get(label) ? ": " + String.join(", ", names) : "")));
      if (!failed.isEmpty()) {
        parts.add(failed.size() + " failed: " + String.join(", ", failed));
      }
      return schemas.size() + " " + kind + (schemas.size() == 1 ? "" : "s") + ": " + String.join("; ", parts) + ".";
    }
  }
}
