package dev.retort.spring;

import javax.sql.DataSource;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;

/**
 * Tells Spring Boot that Retort manages the schema of the data source it migrates, so that JPA's
 * default {@code ddl-auto} on an embedded database is {@code none} rather than
 * {@code create-drop}, which would replace the migrated tables with Hibernate's. The application's
 * data source counts as migrated when Retort connects to its URL as {@code retort.user}, and does
 * not when Retort migrates the database of {@code retort.url} or of a
 * {@link RetortDataSource @RetortDataSource} bean.
 */
public class RetortSchemaManagementProvider implements SchemaManagementProvider {

  private final DataSource migrated;

  /**
   * Creates the provider.
   *
   * @param migrated the data source whose database Retort migrates; {@code null} for none of the
   *     context's (a database of {@code retort.url})
   */
  public RetortSchemaManagementProvider(DataSource migrated) {
    this.migrated = migrated;
  }

  @Override
  public SchemaManagement getSchemaManagement(DataSource dataSource) {
    return migrated != null && dataSource == migrated ? SchemaManagement.MANAGED : SchemaManagement.UNMANAGED;
  }
}
