package dev.retort.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.dsl.ColumnOption.notNull;
import static dev.retort.model.ColumnType.bigint;
import static dev.retort.model.ColumnType.varchar;
import static dev.retort.processor.ProjectFixture.HEAD_CLASS;
import static dev.retort.processor.ProjectFixture.headRevision;
import static dev.retort.processor.ProjectFixture.schema;
import static dev.retort.processor.ProjectFixture.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table or column whose name changes only in case is a rename: without {@code @RenamedFrom} it
 * would be a drop and an add, which loses the data and which SQLite, MariaDB and MySQL refuse,
 * since they take the two names as one. It is an error on the entity or member, in both modes.
 */
class CaseOnlyChangesTest {

  @TempDir Path root;

  private ProjectFixture project;
  private Map<Path, String> committed;

  @BeforeEach
  void commitHead() {
    project = new ProjectFixture(root);
    project.commitSnapshot(HEAD_CLASS, schema(s -> s.createTable("book", t -> t
        .column("id", bigint(), notNull())
        .column("title", varchar(255))
        .primaryKey("pk_book", "id"))));
    committed = project.tree();
  }

  @Test
  void aColumnNameThatChangesOnlyInCaseWithoutRenamedFromIsAnError() {
    JavaFileObject book = source("com.example.Book", """
        package com.example;

        import dev.retort.*;

        @Table(name = "book")
        public record Book(@Id long id, @Column(name = "Title") String title) {}
        """);

    Compilation compilation = project.compile(book, headRevision());

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "Book.title maps to column Title of table book, which the committed schema has as title; a name that"
                + " changes only in case is a rename: without @RenamedFrom(\"title\") it is a drop and an add, which"
                + " loses the data and which SQLite, MariaDB and MySQL refuse, as they take the two names as one;"
                + " add @RenamedFrom(\"title\"), or keep the name [retort:case-only-change]")
        .inFile(book)
        .onLineContaining("@Column(name = \"Title\")");
    assertThat(project.tree()).isEqualTo(committed);
  }

  @Test
  void aTableNameThatChangesOnlyInCaseWithoutRenamedFromIsAnError() {
    JavaFileObject book = source("com.example.Book", """
        package com.example;

        import dev.retort.*;

        @Table(name = "Book")
        public record Book(@Id long id, String title) {}
        """);

    Compilation compilation = project.compile(book, headRevision());

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "Book maps to table Book, which the committed schema has as book; a name that changes only in case is"
                + " a rename: without @RenamedFrom(\"book\") it is a drop and an add,")
        .inFile(book)
        .onLineContaining("@Table(name = \"Book\")");
    assertThat(project.tree()).isEqualTo(committed);
  }

  @Test
  void withRenamedFromTheCaseChangeIsARename() {
    JavaFileObject book = source("com.example.Book", """
        package com.example;

        import dev.retort.*;

        @Table(name = "book")
        public record Book(@Id long id, @Column(name = "Title") @RenamedFrom("title") String title) {}
        """);

    Compilation compilation = project.compile(book, headRevision());

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(project.source("com.example.migration.V" + ProjectFixture.NEW_ID + "_RenameBookTitleToTitle"))
        .contains("schema.alterTable(\"book\", t -> t.renameColumn(\"title\", \"Title\"));");
  }
}
