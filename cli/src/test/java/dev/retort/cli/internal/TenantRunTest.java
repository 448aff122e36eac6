package dev.retort.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A command run in several schemas: every line names its schema, a failure stops only its schema, a summary ends. */
class TenantRunTest {

  private final List<String> out = new ArrayList<>();
  private final List<String> err = new ArrayList<>();

  @Test
  void eachLineStartsWithItsSchemaAndAFailureDoesNotStopTheOthers() {
    TenantRun run = new TenantRun(out::add, err::add);

    TenantRun.Summary summary = run.run(List.of("acme", "initech", "globex"), schema -> {
      run.print("working");
      if (schema.equals("initech")) {
        throw new RetortException(ErrorCode.MIGRATION_FAILED, "failed at statement 1");
      }
      return new Outcome(List.of("done"), "upgraded", Outcome.Kind.COUNTED);
    });

    assertThat(out).containsExactly("[acme] working", "[acme] done", "[initech] working", "[globex] working",
        "[globex] done");
    assertThat(err).containsExactly("[initech] failed at statement 1");
    assertThat(summary.failed()).containsExactly("initech");
    assertThat(summary.line("schema")).isEqualTo("3 schemas: 2 upgraded; 1 failed: initech.");
  }

  /** A setting the database refuses (singleTransaction on MariaDB) fails every schema alike: its message once. */
  @Test
  void aFailureLikeAnEarlierSchemasIsPrintedOnce() {
    TenantRun run = new TenantRun(out::add, err::add);

    TenantRun.Summary summary = run.run(List.of("a", "b", "c", "d"), schema -> {
      throw new RetortException(ErrorCode.UNSUPPORTED_OPERATION,
          schema.equals("c") ? "failed in schema c" : "refused on MariaDB");
    });

    assertThat(err).containsExactly("[a] refused on MariaDB", "[b] Failed as a did, with the same message (above).",
        "[c] failed in schema c", "[d] Failed as a did, with the same message (above).");
    assertThat(summary.line("database")).isEqualTo("4 databases: 4 failed: a, b, c, d.");
  }

  @Test
  void theSummaryCountsByLabelInOrderAndNamesWhatTheLabelAsksFor() {
    TenantRun run = new TenantRun(out::add, err::add);

    TenantRun.Summary summary = run.run(List.of("a", "b", "c", "d"), schema -> switch (schema) {
      case "b", "d" -> new Outcome(List.of("differs", "  - column x"), "differing", Outcome.Kind.DIFFERS);
      default -> new Outcome(List.of("matches"), "matching", Outcome.Kind.COUNTED);
    });

    assertThat(summary.line("database")).isEqualTo("4 databases: 2 matching; 2 differing: b, d.");
    assertThat(summary.differs()).isTrue();
    assertThat(summary.differences()).containsExactly("[b] differs", "[b]   - column x", "[d] differs",
        "[d]   - column x");
  }

  @Test
  void oneSchemaIsCountedInTheSingular() {
    TenantRun.Summary summary = new TenantRun(out::add, err::add)
        .run(List.of("a"), schema -> new Outcome(List.of(), "listed", Outcome.Kind.COUNTED));

    assertThat(summary.line("schema")).isEqualTo("1 schema: 1 listed.");
    assertThat(summary.differs()).isFalse();
  }
}
