package dev.retort.examples.guide;

import dev.retort.dsl.Schema;
import dev.retort.model.SchemaModel;
import dev.retort.operation.Operation;
import dev.retort.operation.Vendor;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.dialect.Step;
import dev.retort.runtime.internal.execution.MergedRebuilds;
import dev.retort.runtime.internal.execution.PlannedStep;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL that each database's dialect renders for an example of {@link DslExamples}, as the
 * guide shows it: one section per database, headed by a comment, the statements ending with a
 * semicolon, rendered as the runtime renders a migration's operations (on SQLite, consecutive
 * column changes of one table are one rebuild). Databases that render the same statements share
 * a section.
 */
final class DslReferenceSql {

  private static final Map<String, Vendor> DATABASES = databases();

  private DslReferenceSql() {}

  /**
   * Renders an example.
   *
   * @param example the name of a method of {@link DslExamples}
   * @return the lines of the guide's {@code sql} block
   * @throws IllegalArgumentException if there is no such example
   */
  static List<String> render(String example) {
    Schema base = new Schema();
    DslExamples.base(base);
    SchemaModel before = SchemaModel.empty().applyAll(base.operations());
    List<Operation> operations = operations(example);

    Map<List<String>, List<String>> sections = new LinkedHashMap<>();
    DATABASES.forEach((name, vendor) -> sections
        .computeIfAbsent(statements(Dialects.forVendor(vendor), before, operations), key -> new ArrayList<>())
        .add(name));
    List<String> lines = new ArrayList<>();
    sections.forEach((statements, names) -> {
      if (!lines.isEmpty()) {
        lines.add("");
      }
      lines.add("-- " + String.join(", ", names));
      lines.addAll(statements);
    });
    return lines;
  }

  /**
   * Whether a database refuses one of an example's operations, which the guide shows as
   * {@code -- not supported}.
   *
   * @param example the name of a method of {@link DslExamples}
   * @param vendor the database
   */
  static boolean refuses(String example, Vendor vendor) {
    Schema base = new Schema();
    DslExamples.base(base);
    SchemaModel before = SchemaModel.empty().applyAll(base.operations());
    return statements(Dialects.forVendor(vendor), before, operations(example)).stream()
        .anyMatch(line -> line.startsWith("-- not supported: "));
  }

  private static List<Operation> operations(String example) {
    Method method;
    try {
      method = DslExamples.class.getDeclaredMethod(example, Schema.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException("DslExamples has no example '" + example + "'; add a static method "
          + example + "(Schema)", e);
    }
    Schema schema = new Schema();
    try {
      method.invoke(null, schema);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot call DslExamples." + example, e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("DslExamples." + example + " failed: " + e.getCause(), e.getCause());
    }
    return schema.operations();
  }

  /** The statements of the operations, rendered as the runtime's planner renders a migration's. */
  private static List<String> statements(Dialect dialect, SchemaModel start, List<Operation> operations) {
    List<String> lines = new ArrayList<>();
    MergedRebuilds steps = new MergedRebuilds(dialect);
    SchemaModel schema = start;
    for (Operation operation : operations) {
      SchemaModel after = schema.apply(operation);
      try {
        steps.add(operation, schema, after, dialect.render(operation, schema, after));
      } catch (UnsupportedOperationException e) {
        lines.addAll(lines(steps.steps()));
        steps = new MergedRebuilds(dialect);
        // A database that refuses a kind of operation refuses it for the same reason each time.
        String refusal = "-- not supported: " + e.getMessage();
        if (!lines.contains(refusal)) {
          lines.add(refusal);
        }
      }
      schema = after;
    }
    lines.addAll(lines(steps.steps()));
    if (lines.isEmpty()) {
      lines.add("-- nothing: this database has no statement for it");
    }
    return lines;
  }

  private static List<String> lines(List<PlannedStep> steps) {
    List<String> lines = new ArrayList<>();
    for (PlannedStep planned : steps) {
      if (planned.step() instanceof Step.Sql sql) {
        if (sql.outsideTransaction()) {
          lines.add("-- outside the migration's transaction:");
        }
        (sql.sql() + ";").lines().forEach(lines::add);
      } else if (planned.step() instanceof Step.Callback callback) {
        lines.add("-- Java step: " + callback.step().description());
      }
    }
    return lines;
  }

  private static Map<String, Vendor> databases() {
    Map<String, Vendor> databases = new LinkedHashMap<>();
    databases.put("H2", Vendor.H2);
    databases.put("SQLite", Vendor.SQLITE);
    databases.put("PostgreSQL", Vendor.POSTGRESQL);
    databases.put("MariaDB", Vendor.MARIADB);
    databases.put("MySQL", Vendor.MYSQL);
    return databases;
  }
}
