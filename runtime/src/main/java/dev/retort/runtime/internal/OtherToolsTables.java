package dev.retort.runtime.internal;

import java.util.List;
import java.util.Locale;

/**
 * The history tables of the migration tools a project comes from: Flyway's
 * {@code flyway_schema_history}, Liquibase's {@code databasechangelog} and
 * {@code databasechangeloglock}. They stay in a database adopted by Retort until the user drops
 * them, and are no part of its model: {@code retort entities} writes no entity for them, and the
 * baseline of {@code upgrade} neither counts nor compares them.
 */
public final class OtherToolsTables {

  /** The tables' names, in lower case. */
  public static final List<String> NAMES =
      List.of("flyway_schema_history", "databasechangelog", "databasechangeloglock");

  private OtherToolsTables() {}

  /**
   * Whether a table is one of them, whatever the case the database shows its name in (Liquibase's are upper case on
   * H2 and Oracle-minded databases).
   *
   * @param table the table's name
   * @return whether it is another tool's history table
   */
  public static boolean contains(String table) {
    return NAMES.contains(table.toLowerCase(Locale.ROOT));
  }
}
