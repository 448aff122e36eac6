package dev.retort.spring;

import javax.sql.DataSource;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;

/**
 * Tells Spring Boot that Retort manages the schema of the data source it migrates, so that JPA's
 * default {@code ddl-auto} on an embedded database is {@code none} rather than
 * {@code create-drop}, which would replace the migrated tables with Hibernate's.
 */
public class RetortSchemaManagementProvider implements SchemaManagementProvider {

  private final DataSource migrated;

  /**
   * Creates the provider.
   *
   * @param migrated the data source that Retort migrates
   */
  public RetortSchemaManagementProvider(DataSource migrated) {
    this.migrated = migrated;
  }

  @Override
  public SchemaManagement getSchemaManagement(DataSource dataSource) {
    return dataSource == migrated ? SchemaManagement.MANAGED : SchemaManagement.UNMANAGED;
  }
}
