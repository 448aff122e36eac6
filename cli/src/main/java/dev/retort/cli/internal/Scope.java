package dev.retort.cli.internal;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a command works, as its lines name it: alone in a schema, its lines name the schema; in a run over several,
 * each line starts with the schema's name ({@link TenantRun}) and says no more.
 *
 * @param place the current schema for {@code current} and {@code history} to name, such as {@code schema
 *     tenant_acme}; empty when the connection's own, or when the line names it already
 * @param subject what {@code check} compared, such as {@code The database} or {@code The schema tenant_acme}
 * @param schema the schema the command works in, such as {@code tenant_acme}, for what is named after it (a script
 *     per schema); empty when the connection's own
 */
public record Scope(Optional<String> place, String subject, Optional<String> schema) {

  /** Validates the components. */
  public Scope {
    Objects.requireNonNull(place, "place == null");
    Objects.requireNonNull(subject, "subject == null");
    Objects.requireNonNull(schema, "schema == null");
  }

  /**
   * A command alone in the settings' current schema, or in the connection's own.
   *
   * @param settings the settings
   * @return the scope
   */
  public static Scope of(Settings settings) {
    return new Scope(settings.place(), settings.place().map(where -> "The " + where).orElse("The database"),
        settings.currentSchema());
  }

  /**
   * A command in one of several schemas, whose lines start with the schema's name.
   *
   * @param settings the settings, for what a schema is on the database
   * @param schema the schema
   * @return the scope
   */
  public static Scope tenant(Settings settings, String schema) {
    return new Scope(Optional.empty(), "The " + settings.schemaKind(), Optional.of(schema));
  }
}
