package dev.retort.runtime.internal.command;

import dev.retort.operation.Vendor;
import dev.retort.runtime.internal.connect.CurrentSchema;
import dev.retort.runtime.internal.connect.TenantSchemas;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code schemas}: the schemas that names and patterns select, for a loop over tenants ({@link TenantSchemas}).
 * Connects only for a pattern, and then reads only the catalog; takes no lock and changes nothing.
 */
public final class SchemasCommand {

  private static final Logger LOG = LoggerFactory.getLogger(SchemasCommand.class);

  private SchemasCommand() {}

  /**
   * Runs the command.
   *
   * @param context the settings
   * @param namesOrPatterns the names and patterns, in order
   * @return the schemas, each once
   */
  public static List<String> run(Context context, List<String> namesOrPatterns) {
    if (!TenantSchemas.anyPattern(namesOrPatterns)) {
      return TenantSchemas.select(namesOrPatterns, List.of(), "schema");
    }
    Connection connection = Session.openConnection(context.connections());
    try {
      Vendor vendor = context.dialect(connection).vendor();
      return TenantSchemas.select(namesOrPatterns, TenantSchemas.existing(connection, vendor),
          CurrentSchema.kind(vendor));
    } finally {
      try {
        context.connections().close(connection);
      } catch (SQLException e) {
        LOG.debug("Could not close the connection that read the schemas; only the catalog was read", e);
      }
    }
  }
}
