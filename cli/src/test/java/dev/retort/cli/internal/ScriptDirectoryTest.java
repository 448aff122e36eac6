package dev.retort.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.operation.Vendor;
import dev.retort.runtime.Retort;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scripts written one per schema into a directory, from one revision given for all, which needs no database (the
 * tests in {@code RetortCliTenantsTest} read each schema's revision from H2, PostgreSQL and MariaDB).
 */
class ScriptDirectoryTest {

  @TempDir
  Path temp;

  private final Retort offline = Retort.builder().offline().build();

  private ScriptDirectory directory(Path path, String from) {
    return new ScriptDirectory(path, Vendor.POSTGRESQL, Optional.of(from),
        (retort, start, vendor) -> retort.sql(start, "head", vendor));
  }

  @Test
  void eachSchemaGetsItsFileInTheDirectoryWhichIsCreated() {
    Path scripts = temp.resolve("scripts");

    Outcome outcome = directory(scripts, "0001_accounts").write(offline.withCurrentSchema("tenant_a"), "tenant_a");

    Path file = scripts.resolve("tenant_a.sql");
    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.NAMED);
    assertThat(outcome.label()).isEqualTo("with a script to run");
    assertThat(outcome.lines()).singleElement().asString()
        .startsWith("Wrote the postgresql script from 0001_accounts to 0003_email_index (")
        .endsWith(" to " + file + ".");
    assertThat(file).content(StandardCharsets.UTF_8).contains("SET search_path TO \"tenant_a\";")
        .contains("-- Stop here, before any change");
  }

  @Test
  void aSchemaAtTheTargetGetsAScriptThatSaysSoAndChangesNothing() {
    Outcome outcome = directory(temp, "head").write(offline.withCurrentSchema("tenant_a"), "tenant_a");

    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.COUNTED);
    assertThat(outcome.label()).isEqualTo("already at 0003_email_index (head)");
    assertThat(temp.resolve("tenant_a.sql")).content(StandardCharsets.UTF_8)
        .isEqualTo("-- Retort migration script for PostgreSQL: 0003_email_index -> 0003_email_index\n\n"
            + "-- Nothing to do: tenant_a is at 0003_email_index (head) already, where this script goes.\n");
  }

  @Test
  void aSchemaWhoseNameLeavesTheDirectoryIsRefusedWritingNothing() {
    Path scripts = temp.resolve("scripts");

    assertThatThrownBy(() -> directory(scripts, "base").write(offline.withCurrentSchema("../outside"), "../outside"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the schema name ../outside does not make a file name in " + scripts
            + "; write its script alone, to a file of your choosing");
    assertThat(temp.resolve("outside.sql")).doesNotExist();
  }
}
