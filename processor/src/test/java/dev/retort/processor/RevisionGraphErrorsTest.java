package dev.retort.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.processor.ProjectFixture.revision;
import static dev.retort.processor.ProjectFixture.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every problem of the revision graph is a compile error on the {@code @Revision} classes
 * involved, pinned to the annotation (value) it is about, and nothing is written.
 */
class RevisionGraphErrorsTest {

  @TempDir Path root;

  private ProjectFixture project;

  @BeforeEach
  void createProject() {
    project = new ProjectFixture(root);
  }

  @Test
  void twoRevisionsWithOneIdAreBothReported() {
    JavaFileObject first = revision("V1_CreateUsers", "@Revision(id = \"20261101_000000\")");
    JavaFileObject second = revision("V2_CreateBooks", "@Revision(id = \"20261101_000000\")");

    Compilation compilation = project.compile(first, second);

    String message = "revision id \"20261101_000000\" is used by com.example.migration.V1_CreateUsers and"
        + " com.example.migration.V2_CreateBooks; give each revision its own id";
    assertThat(compilation).hadErrorContaining(message).inFile(first).onLineContaining("@Revision(id =");
    assertThat(compilation).hadErrorContaining(message).inFile(second).onLineContaining("@Revision(id =");
    assertThat(compilation).hadErrorCount(2);
    assertThat(project.tree()).isEmpty();
  }

  @Test
  void aParentThatNoRevisionHasIsReportedOnTheParentValue() {
    JavaFileObject first = revision("V1_CreateUsers", "@Revision(id = \"20261101_000000\")");
    JavaFileObject second = revision("V2_AddPhone", """
        @Revision(
            id = "20261102_000000",
            parent = "20261101_999999")""");

    Compilation compilation = project.compile(first, second);

    assertThat(compilation)
        .hadErrorContaining("V2_AddPhone (\"20261102_000000\") follows revision \"20261101_999999\", but no"
            + " @Revision class in this compilation has that id; correct the parent id or restore the missing"
            + " migration")
        .inFile(second)
        .onLineContaining("parent = \"20261101_999999\"");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void aCycleIsReportedOnEveryRevisionInIt() {
    JavaFileObject root = revision("V0_Root", "@Revision(id = \"r0\")");
    JavaFileObject first = revision("V1_First", "@Revision(id = \"r1\", parent = {\"r0\", \"r2\"})");
    JavaFileObject second = revision("V2_Second", "@Revision(id = \"r2\", parent = \"r1\")");

    Compilation compilation = project.compile(root, first, second);

    String cycle = "revisions form a cycle: V1_First (\"r1\") follows V2_Second (\"r2\"), which follows"
        + " V1_First (\"r1\"); a revision cannot follow its own descendant";
    assertThat(compilation).hadErrorContaining(cycle).inFile(first).onLineContaining("@Revision(id = \"r1\"");
    assertThat(compilation).hadErrorContaining(cycle).inFile(second).onLineContaining("@Revision(id = \"r2\"");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void aRevisionFollowingItselfIsACycle() {
    JavaFileObject self = revision("V1_Self", "@Revision(id = \"r1\", parent = \"r1\")");

    Compilation compilation = project.compile(self);

    assertThat(compilation)
        .hadErrorContaining("revisions form a cycle: V1_Self (\"r1\") follows itself")
        .inFile(self)
        .onLineContaining("@Revision(id = \"r1\"");
  }

  @Test
  void twoHeadsAreReportedOnBothWithTheMergeRevisionToWrite() {
    JavaFileObject base = revision("V1_CreateUsers", "@Revision(id = \"20261101_000000\")");
    JavaFileObject left = revision("V2_AddPhone", "@Revision(id = \"20261102_000000\", parent = \"20261101_000000\")");
    JavaFileObject right = revision("V3_AddFax", "@Revision(id = \"20261103_000000\", parent = \"20261101_000000\")");

    Compilation compilation = project.compile(base, left, right);

    String message = "the revision graph has 2 heads: V2_AddPhone (\"20261102_000000\") and V3_AddFax"
        + " (\"20261103_000000\"); merge them with a revision that follows all of them, such as"
        + " @Revision(id = \"" + ProjectFixture.NEW_ID + "\", parent = {\"20261102_000000\", \"20261103_000000\"})"
        + " on a class implementing Migration, which mvn retort:merge or retort merge writes with the merged"
        + " snapshot";
    assertThat(compilation).hadErrorContaining(message).inFile(left).onLineContaining("@Revision(id = \"20261102");
    assertThat(compilation).hadErrorContaining(message).inFile(right).onLineContaining("@Revision(id = \"20261103");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void aRevisionThatIsNotAMigrationIsReported() {
    JavaFileObject notMigration = source("com.example.migration.V1_Orphan", """
        package com.example.migration;

        import dev.retort.Revision;

        @Revision(id = "20261101_000000")
        public final class V1_Orphan {}
        """);

    Compilation compilation = project.compile(notMigration);

    assertThat(compilation)
        .hadErrorContaining("com.example.migration.V1_Orphan is annotated @Revision but does not implement"
            + " dev.retort.Migration; implement it or remove the annotation")
        .inFile(notMigration)
        .onLineContaining("public final class V1_Orphan");
  }

  @Test
  void aRevisionTheRuntimeCannotCreateIsReported() {
    JavaFileObject hidden = source("com.example.migration.V1_Hidden", """
        package com.example.migration;

        import dev.retort.Migration;
        import dev.retort.Revision;
        import dev.retort.dsl.Schema;

        @Revision(id = "20261101_000000")
        final class V1_Hidden implements Migration {
          V1_Hidden(String name) {}

          @Override
          public void upgrade(Schema schema) {}
        }
        """);

    Compilation compilation = project.compile(hidden);

    assertThat(compilation)
        .hadErrorContaining("com.example.migration.V1_Hidden is annotated @Revision but the runtime cannot"
            + " create it: a revision must be a public, non-abstract, top-level or static nested class with a"
            + " public no-argument constructor")
        .inFile(hidden)
        .onLineContaining("final class V1_Hidden");
  }

  @Test
  void aBlankIdIsReportedWithAnIdToUse() {
    JavaFileObject blank = revision("V1_Blank", "@Revision(id = \" \")");

    Compilation compilation = project.compile(blank);

    assertThat(compilation)
        .hadErrorContaining("V1_Blank has a blank revision id; give it a unique id such as \"" + ProjectFixture.NEW_ID + "\"")
        .inFile(blank)
        .onLineContaining("@Revision(id = \" \")");
  }

  @ParameterizedTest(name = "id \"{0}\"")
  @CsvSource(delimiter = '|', value = {
      "head | is the target head, so a command given head would never mean this revision",
      "base | is the target base, so a command given base would never mean this revision",
      "+1 | starts with +, as relative targets (+1, -2) and command-line options do",
      "-2 | starts with -, as relative targets (+1, -2) and command-line options do",
      "'a,b' | contains a comma, the separator of revisions in mvn retort:stamp -Dretort.target=a,b",
      "two words | contains white space or a control character (at index 3), lost when a target is stripped"
          + " or split into command-line arguments"})
  void anIdThatCommandsCannotNameIsReportedOnTheIdWithAnIdToUse(String id, String reason) {
    JavaFileObject unusable = revision("V1_Unusable", "@Revision(id = \"" + id + "\")");
    JavaFileObject child = revision("V2_Child", "@Revision(id = \"20261102_000000\", parent = \"" + id + "\")");

    Compilation compilation = project.compile(unusable, child);

    assertThat(compilation)
        .hadErrorContaining("V1_Unusable has revision id \"" + id + "\", which " + reason + "; give it another id"
            + " such as \"" + ProjectFixture.NEW_ID + "\", and change the parent of every revision that follows it"
            + " [retort:unusable-revision-id]")
        .inFile(unusable)
        .onLineContaining("@Revision(id = \"" + id + "\")");
    assertThat(compilation).hadErrorCount(1);
    assertThat(project.tree()).isEmpty();
  }

  @Test
  void anIdLongerThanTheVersionTableHoldsIsReported() {
    String id = "r".repeat(101);
    JavaFileObject longId = revision("V1_Long", "@Revision(id = \"" + id + "\")");

    Compilation compilation = project.compile(longId);

    assertThat(compilation)
        .hadErrorContaining("V1_Long has revision id \"" + id + "\", which is 101 characters long, and the"
            + " version table holds at most 100")
        .inFile(longId)
        .onLineContaining("@Revision(id =");
  }

  @Test
  void anIdThatIsATargetWordOnlyInPartIsAccepted() {
    JavaFileObject first = revision("V1_Heads", "@Revision(id = \"heads\")");
    JavaFileObject second = revision("V2_Headstone", "@Revision(id = \"head-2\", parent = \"heads\")");

    assertThat(project.compile(first, second)).succeeded();
  }

  @Test
  void aParentListedTwiceIsReportedOnTheSecond() {
    JavaFileObject base = revision("V1_Base", "@Revision(id = \"r1\")");
    JavaFileObject twice = revision("V2_Twice", """
        @Revision(
            id = "r2",
            parent = {"r1",
                "r1"})""");

    Compilation compilation = project.compile(base, twice);

    assertThat(compilation)
        .hadErrorContaining("V2_Twice lists parent revision \"r1\" more than once; list it once")
        .inFile(twice)
        .onLineContaining("\"r1\"})");
  }
}
