package dev.retort.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.CheckResult;
import dev.retort.runtime.Current;
import dev.retort.runtime.Heads;
import dev.retort.runtime.History;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How {@code check} prints its result: the differences, then the notes, which do not make the database differ. */
class ReportTest {

  private static final Heads HEADS = new Heads(List.of("0003"));

  @Test
  void aMatchingDatabaseWithNotesSaysItMatchesAndListsThem() {
    CheckResult result = new CheckResult(List.of("0003"), "migrations", List.of(),
        List.of("foreign key fk_books_author of books is NOT VALID: …"));

    assertThat(Report.check(result, HEADS)).containsExactly(
        "The database matches revision 0003 (head) (compared with migrations).",
        "To do: 1 note",
        "  - foreign key fk_books_author of books is NOT VALID: …");
  }

  @Test
  void differencesComeBeforeTheNotes() {
    CheckResult result = new CheckResult(List.of("0003"), "migrations", List.of("column books.x is missing"),
        List.of("check constraint ck_a of books is NOT VALID: …", "check constraint ck_b of books is NOT VALID: …"));

    assertThat(Report.check(result, HEADS)).containsExactly(
        "The database differs from revision 0003 (head) (compared with migrations): 1 difference",
        "  - column books.x is missing",
        "To do: 2 notes",
        "  - check constraint ck_a of books is NOT VALID: …",
        "  - check constraint ck_b of books is NOT VALID: …");
  }

  @Test
  void aMatchingDatabaseWithoutNotesIsOneLine() {
    assertThat(Report.check(new CheckResult(List.of("0003"), "migrations", List.of()), HEADS))
        .containsExactly("The database matches revision 0003 (head) (compared with migrations).");
  }

  @Test
  void aTenantsCheckNamesItsSchema() {
    assertThat(Report.check(new CheckResult(List.of("0003"), "migrations", List.of("column books.x is missing")), HEADS,
        "The schema tenant_acme"))
        .containsExactly("The schema tenant_acme differs from revision 0003 (head) (compared with migrations):"
            + " 1 difference", "  - column books.x is missing");
    assertThat(Report.check(new CheckResult(List.of("0003"), "migrations", List.of()), HEADS,
        "The schema tenant_acme"))
        .containsExactly("The schema tenant_acme matches revision 0003 (head) (compared with migrations).");
  }

  @Test
  void currentAndHistoryNameTheCurrentSchema() {
    Current current = new Current(List.of(), "0003", List.of("0001", "0002", "0003"), List.of());
    History history = new History(List.of());

    assertThat(Report.current(current, Optional.of("schema tenant_acme"))).first()
        .isEqualTo("Current revision in schema tenant_acme: base (no revision applied); 3 revisions pending, up to"
            + " head 0003.");
    assertThat(Report.current(current)).first()
        .isEqualTo("Current revision: base (no revision applied); 3 revisions pending, up to head 0003.");
    assertThat(Report.history(history, Optional.of("database tenant_acme")))
        .containsExactly("History of database tenant_acme, oldest first:", "No revisions.");
    assertThat(Report.history(history)).containsExactly("No revisions.");
  }
}
