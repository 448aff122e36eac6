package dev.retort.processor.write;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.ClassName;
import dev.retort.RevisionIndex;
import dev.retort.RevisionInfo;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class IndexSourceTest {

  private static final ClassName MIGRATION = ClassName.get("com.example.migration", "V1_Stub");

  private static List<IndexSource.Entry> entries(int count) {
    List<IndexSource.Entry> entries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<String> parents = i == 0 ? List.of() : List.of("r" + (i - 1));
      entries.add(new IndexSource.Entry("r" + i, parents, "Revision " + i + ".", "", MIGRATION));
    }
    return entries;
  }

  @Test
  void aLongHistoryIsListedInPartsAndStillInOrder() throws Exception {
    int count = IndexSource.ENTRIES_PER_METHOD * 2 + 1;
    String source = IndexSource.of("com.example.migration", entries(count)).toString();

    assertThat(source).contains("addPart1(revisions);", "addPart3(revisions);").doesNotContain("addPart4");
    RevisionIndex index = compileAndLoad(source);
    List<RevisionInfo> revisions = index.revisions();
    assertThat(revisions).hasSize(count);
    assertThat(revisions.get(count - 1).id()).isEqualTo("r" + (count - 1));
    assertThat(revisions.get(count - 1).parents()).containsExactly("r" + (count - 2));
    assertThat(revisions.get(0).migration().get().getClass().getName()).isEqualTo(MIGRATION.canonicalName());
  }

  @Test
  void theFingerprintChangesWithAnythingListed() {
    List<IndexSource.Entry> entries = entries(3);
    List<IndexSource.Entry> described = new ArrayList<>(entries);
    described.set(2, new IndexSource.Entry("r2", List.of("r1"), "Another description.", "", MIGRATION));

    assertThat(IndexSource.fingerprint(entries)).isEqualTo(IndexSource.fingerprint(entries(3)));
    assertThat(IndexSource.fingerprint(described)).isNotEqualTo(IndexSource.fingerprint(entries));
    assertThat(IndexSource.fingerprint(entries.subList(0, 2))).isNotEqualTo(IndexSource.fingerprint(entries));
  }

  private static RevisionIndex compileAndLoad(String source) throws Exception {
    JavaFileObject stub = JavaFileObjects.forSourceString(MIGRATION.canonicalName(), """
        package com.example.migration;

        public final class V1_Stub implements dev.retort.Migration {
          @Override
          public void upgrade(dev.retort.dsl.Schema schema) {}
        }
        """);
    Compilation compilation =
        javac().compile(stub, JavaFileObjects.forSourceString("com.example.migration.RetortRevisions", source));
    assertThat(compilation).succeededWithoutWarnings();
    return (RevisionIndex) CompiledClasses.newInstance(compilation, "com.example.migration.RetortRevisions");
  }
}
