package dev.retort.runtime.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.operation.Vendor;
import dev.retort.runtime.Direction;
import dev.retort.runtime.MigrationRun;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lines upgrade and downgrade log: a tenant's name the schema, since every tenant logs the same revisions. */
class MigrationLogTest {

  private static final MigrationRun APPLIED = new MigrationRun("001", "Create table users.", "V001", Direction.UPGRADE,
      1, Duration.ofMillis(6));
  private static final MigrationRun REVERTED = new MigrationRun("001", "Create table users.", "V001",
      Direction.DOWNGRADE, 2, Duration.ofMillis(4));

  @Test
  void withoutACurrentSchemaTheLinesAreAsBefore() {
    assertThat(MigrationLog.ran(APPLIED, Optional.empty(), Vendor.POSTGRESQL))
        .isEqualTo("Applied revision 001 (Create table users.) in 6 ms: 1 statement");
    assertThat(MigrationLog.nothingToDo(List.of("001"), Direction.UPGRADE, Optional.empty(), Vendor.POSTGRESQL))
        .isEqualTo("Database is at revision 001; nothing to apply");
    assertThat(MigrationLog.nothingToDo(List.of(), Direction.DOWNGRADE, Optional.empty(), Vendor.H2))
        .isEqualTo("Database is at base; nothing to revert");
  }

  @Test
  void aTenantsLinesNameItsSchema() {
    assertThat(MigrationLog.ran(APPLIED, Optional.of("tenant_acme"), Vendor.POSTGRESQL))
        .isEqualTo("Applied revision 001 (Create table users.) to schema tenant_acme in 6 ms: 1 statement");
    assertThat(MigrationLog.ran(REVERTED, Optional.of("tenant_acme"), Vendor.H2))
        .isEqualTo("Reverted revision 001 (Create table users.) from schema tenant_acme in 4 ms: 2 statements");
    assertThat(MigrationLog.nothingToDo(List.of("001"), Direction.UPGRADE, Optional.of("tenant_acme"),
        Vendor.POSTGRESQL))
        .isEqualTo("The schema tenant_acme is at revision 001; nothing to apply");
  }

  @Test
  void onMariaDbAndMySqlATenantIsADatabase() {
    assertThat(MigrationLog.ran(APPLIED, Optional.of("tenant_acme"), Vendor.MARIADB))
        .isEqualTo("Applied revision 001 (Create table users.) to database tenant_acme in 6 ms: 1 statement");
    assertThat(MigrationLog.nothingToDo(List.of("001"), Direction.UPGRADE, Optional.of("tenant_acme"), Vendor.MYSQL))
        .isEqualTo("The database tenant_acme is at revision 001; nothing to apply");
  }
}
