package dev.retort.runtime.internal.execution;

import static dev.retort.runtime.Codes.code;
import static dev.retort.runtime.fixtures.Noop.revision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.Migration;
import dev.retort.RevisionInfo;
import dev.retort.dsl.Schema;
import dev.retort.model.SchemaModel;
import dev.retort.operation.CreateTable;
import dev.retort.operation.Operation;
import dev.retort.runtime.CommandSyntax;
import dev.retort.runtime.Direction;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Step;
import dev.retort.runtime.fixtures.Library;
import dev.retort.runtime.internal.Advice;
import dev.retort.runtime.internal.graph.LoadedRevision;
import dev.retort.runtime.internal.graph.RevisionGraph;
import dev.retort.runtime.internal.graph.Target;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlannerTest {

  /** a - b - d - e, with c a branch from a merged at d. */
  private final RevisionGraph graph = RevisionGraph.of(List.of(
      revision("a"), revision("b", "a"), revision("c", "a"), revision("d", "b", "c"), revision("e", "d")));

  @Test
  void upgradeToHeadAppliesEverythingPendingInRevisionOrder() {
    assertThat(ids(upgrades(new Target.Head(), graph, Set.of("a", "c")))).containsExactly("b", "d", "e");
  }

  @Test
  void upgradeToARevisionAppliesItAndItsMissingAncestors() {
    assertThat(ids(upgrades(new Target.Exact("d"), graph, Set.of("a", "b")))).containsExactly("c", "d");
    assertThat(ids(upgrades(new Target.Exact("b"), graph, Set.of("a", "b")))).isEmpty();
  }

  @Test
  void upgradeByStepsTakesTheNextPending() {
    assertThat(ids(upgrades(new Target.Relative(2), graph, Set.of("a")))).containsExactly("b", "c");
  }

  @Test
  void upgradeBeyondHeadIsOutOfRange() {
    assertThatThrownBy(() -> upgrades(new Target.Relative(3), graph, Set.of("a", "b", "c")))
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.TARGET_OUT_OF_RANGE))
        .hasMessageContaining("only 2 revisions are pending: d, e");
  }

  @Test
  void upgradeBackwardsOrToBaseIsInvalid() {
    assertThatThrownBy(() -> upgrades(new Target.Relative(-1), graph, Set.of("a")))
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.INVALID_TARGET))
        .hasMessageContaining("downgrade(\"-1\")");
    assertThatThrownBy(() -> upgrades(new Target.Base(), graph, Set.of("a")))
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.INVALID_TARGET));
  }

  @Test
  void refusalsAdviseTheCommandInTheSyntaxOfTheFrontEnd() {
    Advice cli = new Advice(CommandSyntax.CLI);
    Advice maven = new Advice(CommandSyntax.MAVEN);

    assertThatThrownBy(() -> Planner.upgrades(new Target.Base(), graph, Set.of("a"), cli))
        .hasMessage("Cannot upgrade to base: base is before every revision. Use 'retort downgrade base' to undo them"
            + " all.");
    assertThatThrownBy(() -> Planner.upgrades(new Target.Base(), graph, Set.of("a"), maven))
        .hasMessage("Cannot upgrade to base: base is before every revision. Use"
            + " 'mvn retort:downgrade -Dretort.target=base' to undo them all.");
    assertThatThrownBy(() -> Planner.downgrades(new Target.Relative(2), graph, Set.of("a"), cli))
        .hasMessage("Cannot downgrade by +2: downgrade moves back. Use 'retort upgrade +2', or 'retort downgrade -2'"
            + " to undo revisions.");
    assertThatThrownBy(() -> Planner.downgrades(new Target.Exact("d"), graph, Set.of("a", "b"), maven))
        .hasMessageContaining("Use 'mvn retort:upgrade -Dretort.target=d' to go forward to it.");
  }

  @Test
  void refusalsAdviseAJavaCallByDefault() {
    assertThatThrownBy(() -> upgrades(new Target.Base(), graph, Set.of("a")))
        .hasMessage("Cannot upgrade to base: base is before every revision. Use downgrade(\"base\") to undo them all.");
    assertThatThrownBy(() -> downgrades(new Target.Relative(2), graph, Set.of("a")))
        .hasMessage("Cannot downgrade by +2: downgrade moves back. Use upgrade(\"+2\"), or downgrade(\"-2\") to undo"
            + " revisions.");
  }

  @Test
  void downgradeToBaseUndoesEverythingNewestFirst() {
    assertThat(ids(downgrades(new Target.Base(), graph, Set.of("a", "b", "c", "d"))))
        .containsExactly("d", "c", "b", "a");
  }

  @Test
  void downgradeToARevisionKeepsExactlyItAndItsAncestors() {
    assertThat(ids(downgrades(new Target.Exact("b"), graph, Set.of("a", "b", "c", "d", "e"))))
        .containsExactly("e", "d", "c");
  }

  @Test
  void downgradeByStepsUndoesTheNewest() {
    assertThat(ids(downgrades(new Target.Relative(-2), graph, Set.of("a", "b", "c"))))
        .containsExactly("c", "b");
  }

  @Test
  void downgradePastBaseIsOutOfRange() {
    assertThatThrownBy(() -> downgrades(new Target.Relative(-3), graph, Set.of("a", "b")))
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.TARGET_OUT_OF_RANGE))
        .hasMessageContaining("past base")
        .hasMessageContaining("only 2 revisions are applied (b, a)");
  }

  @Test
  void downgradeToARevisionNotAppliedIsInvalid() {
    assertThatThrownBy(() -> downgrades(new Target.Exact("d"), graph, Set.of("a", "b")))
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.INVALID_TARGET))
        .hasMessageContaining("d: it is not applied")
        .hasMessageContaining("upgrade(\"d\")");
  }

  @Test
  void rendersEachOperationAgainstTheSchemaBeforeIt() {
    RevisionGraph library = RevisionGraph.of(Library.revisions());
    RecordingDialect dialect = new RecordingDialect();

    List<PlannedMigration> plan = Planner.plan(upgrades(new Target.Head(), library, Set.of("001")),
        Direction.UPGRADE, replay(library, Set.of("001")), dialect);

    assertThat(plan).extracting(m -> m.revision().id()).containsExactly("002", "003", "004");
    assertThat(dialect.models.get(0).table("authors")).isPresent();
    assertThat(dialect.models.get(0).table("books")).isEmpty();
    assertThat(dialect.models.get(1).table("books")).isPresent();
    assertThat(dialect.models.get(2).table("authors").orElseThrow().column("born")).isPresent();
  }

  @Test
  void downgradeRendersAgainstTheAppliedSchema() {
    RevisionGraph library = RevisionGraph.of(Library.revisions());
    RecordingDialect dialect = new RecordingDialect();
    Set<String> all = Set.of("001", "002", "003", "004");

    Planner.plan(downgrades(new Target.Relative(-2), library, all), Direction.DOWNGRADE, replay(library, all), dialect);

    assertThat(dialect.rendered).containsExactly(
        library.get("004").requireDowngrade().get(0), library.get("003").requireDowngrade().get(0));
    assertThat(dialect.models.get(0).table("books").orElseThrow().indexes()).isNotEmpty();
  }

  @Test
  void anIrreversibleRevisionFailsTheDowngradeBeforeAnythingIsRendered() {
    RevisionGraph history = RevisionGraph.of(List.of(
        new RevisionInfo("1", List.of(), "", "", Library.CreateAuthors::new),
        new RevisionInfo("2", List.of("1"), "", "", NoDowngrade::new),
        new RevisionInfo("3", List.of("2"), "", "", Library.AddAuthorsBorn::new)));
    RecordingDialect dialect = new RecordingDialect();
    Set<String> all = Set.of("1", "2", "3");

    assertThatThrownBy(() -> Planner.plan(downgrades(new Target.Base(), history, all), Direction.DOWNGRADE,
        replay(history, all), dialect))
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.IRREVERSIBLE_MIGRATION))
        .hasMessageContaining("revision 2 (" + NoDowngrade.class.getName() + ")")
        .hasMessageContaining("Nothing was run");
    assertThat(dialect.rendered).isEmpty();
  }

  @Test
  void anOperationThatDoesNotFitTheSchemaNamesTheRevision() {
    RevisionGraph history = RevisionGraph.of(List.of(
        new RevisionInfo("1", List.of(), "", "", Library.CreateAuthors::new),
        new RevisionInfo("2", List.of("1"), "", "", Library.CreateAuthors::new)));

    RecordingDialect dialect = new RecordingDialect();

    assertThatThrownBy(() -> Planner.plan(history.revisions(), Direction.UPGRADE, replay(history, Set.of()), dialect))
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.INVALID_MIGRATION))
        .hasMessageContaining("revision 2 (" + Library.CreateAuthors.class.getName() + ")")
        .hasMessageContaining("create table authors");
  }

  @Test
  void theModelOfAppliedRevisionsComesFromTheirOperations() {
    RevisionGraph library = RevisionGraph.of(Library.revisions());

    SchemaModel model = Planner.modelOf(library, Set.of("001", "002"));

    assertThat(model.tables()).extracting(t -> t.name()).containsExactly("authors", "books");
    assertThat(model).isEqualTo(SchemaModel.empty()
        .applyAll(library.get("001").upgradeOperations())
        .applyAll(library.get("002").upgradeOperations()));
    assertThat(library.get("001").upgradeOperations()).first().isInstanceOf(CreateTable.class);
  }

  private static List<LoadedRevision> upgrades(Target target, RevisionGraph graph, Set<String> applied) {
    return Planner.upgrades(target, graph, applied, Advice.JAVA);
  }

  private static List<LoadedRevision> downgrades(Target target, RevisionGraph graph, Set<String> applied) {
    return Planner.downgrades(target, graph, applied, Advice.JAVA);
  }

  private static List<String> ids(List<LoadedRevision> revisions) {
    return revisions.stream().map(LoadedRevision::id).toList();
  }

  /** A migration without a downgrade. */
  public static final class NoDowngrade implements Migration {
    @Override
    public void upgrade(Schema schema) {
      schema.execute("UPDATE authors SET name = upper(name)");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"the database cannot do it; write it with execute(…)",
      "the database cannot do it; write it with execute(…)."})
  void aRefusedOperationIsOneSentenceBeforeNothingWasRun(String reason) {
    RevisionGraph history = RevisionGraph.of(List.of(new RevisionInfo("1", List.of(), "", "",
        Library.CreateAuthors::new)));
    Dialect refusing = new RecordingDialect() {
      @Override
      public List<Step> render(Operation operation, SchemaModel before) {
        throw new UnsupportedOperationException(reason);
      }
    };

    assertThatThrownBy(() -> Planner.plan(history.revisions(), Direction.UPGRADE, replay(history, Set.of()), refusing))
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.UNSUPPORTED_OPERATION))
        .hasMessageEndingWith("and the database cannot do it; write it with execute(…). Nothing was run.");
  }

  /** The applied schema of revisions given by hand, which have no snapshots: always replayed. */
  private static AppliedSchema replay(RevisionGraph graph, Set<String> applied) {
    return AppliedSchema.of(graph, applied, PlannerTest.class.getClassLoader());
  }
}
