package dev.retort.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExecuteTest {

  @Test
  void usesTheStatementForEveryDatabaseWithoutItsOwn() {
    Execute execute = new Execute(Optional.of("ANALYZE users"), Map.of(Vendor.POSTGRESQL, "VACUUM ANALYZE users"));

    assertThat(execute.sqlFor(Vendor.POSTGRESQL)).contains("VACUUM ANALYZE users");
    assertThat(execute.sqlFor(Vendor.H2)).contains("ANALYZE users");
    assertThat(execute.sqlFor(Vendor.SQLITE)).contains("ANALYZE users");
    assertThat(execute.sqlFor(Vendor.MYSQL)).contains("ANALYZE users");
    assertThat(execute.sqlFor(Vendor.MARIADB)).contains("ANALYZE users");
  }

  @Test
  void mariaDbFallsBackToMySqlBeforeTheGeneralStatement() {
    Execute execute = new Execute(Optional.of("general"), Map.of(Vendor.MYSQL, "for mysql"));

    assertThat(execute.sqlFor(Vendor.MARIADB)).contains("for mysql");
    assertThat(execute.sqlFor(Vendor.MYSQL)).contains("for mysql");
  }

  @Test
  void mariaDbPrefersItsOwnStatementToMySqls() {
    Execute execute = Execute.of("general");
    Execute both = new Execute(Optional.empty(), Map.of(Vendor.MYSQL, "for mysql", Vendor.MARIADB, "for mariadb"));

    assertThat(both.sqlFor(Vendor.MARIADB)).contains("for mariadb");
    assertThat(both.sqlFor(Vendor.MYSQL)).contains("for mysql");
    assertThat(execute.sqlFor(Vendor.MARIADB)).contains("general");
  }

  @Test
  void mySqlDoesNotFallBackToMariaDb() {
    Execute execute = new Execute(Optional.empty(), Map.of(Vendor.MARIADB, "for mariadb"));

    assertThat(execute.sqlFor(Vendor.MYSQL)).isEmpty();
  }

  @Test
  void hasNoStatementForADatabaseWithoutEntryOrGeneralStatement() {
    Execute execute = new Execute(Optional.empty(), Map.of(Vendor.POSTGRESQL, "VACUUM"));

    assertThat(execute.sqlFor(Vendor.H2)).isEmpty();
    assertThat(execute.sqlFor(Vendor.MARIADB)).isEmpty();
  }

  @Test
  void equalStatementsGiveEqualOperationsWhateverTheMapsOrder() {
    Map<Vendor, String> forward = new LinkedHashMap<>();
    forward.put(Vendor.H2, "a");
    forward.put(Vendor.MYSQL, "b");
    Map<Vendor, String> backward = new LinkedHashMap<>();
    backward.put(Vendor.MYSQL, "b");
    backward.put(Vendor.H2, "a");

    Execute one = new Execute(Optional.empty(), forward);
    Execute other = new Execute(Optional.empty(), backward);

    assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
    assertThat(one.perVendor().keySet()).containsExactly(Vendor.H2, Vendor.MYSQL);
    assertThat(one.toString()).isEqualTo(other.toString());
  }

  @Test
  void copiesThePerDatabaseMap() {
    Map<Vendor, String> statements = new EnumMap<>(Vendor.class);
    statements.put(Vendor.H2, "a");
    Execute execute = new Execute(Optional.empty(), statements);

    statements.put(Vendor.SQLITE, "b");

    assertThat(execute.perVendor()).containsOnlyKeys(Vendor.H2);
    assertThatThrownBy(() -> execute.perVendor().put(Vendor.MYSQL, "c"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void summaryShowsTheFirstLineShortened() {
    assertThat(Execute.of("UPDATE users SET plan = 'free'").summary()).isEqualTo("execute UPDATE users SET plan = 'free'");
    assertThat(Execute.of("\n  CREATE VIEW v AS\n  SELECT 1").summary()).isEqualTo("execute CREATE VIEW v AS");
    assertThat(Execute.of("UPDATE users SET description = 'a rather long text that goes on and on' WHERE id = 1")
        .summary())
        .isEqualTo("execute UPDATE users SET description = 'a rather long text that g...")
        .hasSize("execute ".length() + 60);
    assertThat(new Execute(Optional.empty(), Map.of(Vendor.SQLITE, "VACUUM")).summary()).isEqualTo("execute VACUUM");
  }

  @Test
  void neitherChangesTheModelNorDestroysDataAsFarAsRetortKnows() {
    assertThat(Execute.of("DELETE FROM users").destroysData()).isFalse();
  }

  @Test
  void rejectsMissingOrBlankSql() {
    assertThatThrownBy(() -> new Execute(Optional.empty(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("execute has no SQL");
    assertThatThrownBy(() -> Execute.of("  "))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("execute has blank SQL");
    assertThatThrownBy(() -> new Execute(Optional.of("SELECT 1"), Map.of(Vendor.POSTGRESQL, "\t")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("execute has blank SQL for POSTGRESQL");
    assertThatThrownBy(() -> Execute.of(null))
        .isInstanceOf(NullPointerException.class).hasMessage("sql == null");
    assertThatThrownBy(() -> new Execute(null, Map.of()))
        .isInstanceOf(NullPointerException.class).hasMessage("sql == null");
    assertThatThrownBy(() -> new Execute(Optional.of("SELECT 1"), null))
        .isInstanceOf(NullPointerException.class).hasMessage("perVendor == null");
    Map<Vendor, String> nullStatement = new HashMap<>();
    nullStatement.put(Vendor.H2, null);
    assertThatThrownBy(() -> new Execute(Optional.empty(), nullStatement))
        .isInstanceOf(NullPointerException.class).hasMessage("execute has null SQL for H2");
    Map<Vendor, String> nullVendor = new HashMap<>();
    nullVendor.put(null, "SELECT 1");
    assertThatThrownBy(() -> new Execute(Optional.empty(), nullVendor))
        .isInstanceOf(NullPointerException.class).hasMessage("execute has SQL for a null vendor");
  }
}
