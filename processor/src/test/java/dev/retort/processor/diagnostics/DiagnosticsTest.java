package dev.retort.processor.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

class DiagnosticsTest {

  @Test
  void onlyErrorsCount() {
    RecordingMessager messager = new RecordingMessager();
    Diagnostics diagnostics = new Diagnostics(messager);

    diagnostics.report(null, Message.RENAMED_FROM_UNKNOWN, "mail", "User.email", "column users.mail",
        "column users.email", "; correct the old name, or remove the annotation");
    diagnostics.report(null, Message.MIGRATION_WRITTEN, "V1_CreateUsers.java", "V1_CreateUsers.schema");
    assertThat(diagnostics.hasErrors()).isFalse();

    diagnostics.report(null, Message.NO_COLUMNS, "Empty", "empty");
    diagnostics.report(null, (AnnotationMirror) null, null, Message.DUPLICATE_TABLE, "users", "a.User", "", "b.User", "");
    assertThat(diagnostics.hasErrors()).isTrue();
    assertThat(diagnostics.errorCount()).isEqualTo(2);
    assertThat(messager.kinds).containsExactly(
        Diagnostic.Kind.WARNING, Diagnostic.Kind.NOTE, Diagnostic.Kind.ERROR, Diagnostic.Kind.ERROR);
  }

  @Test
  void aMessageIsItsFormatWithTheArgumentsFollowedByItsTag() {
    assertThat(Message.DUPLICATE_TABLE.format("users", "a.User", "", "b.User", ""))
        .isEqualTo(
            "table users is declared by both a.User and b.User; give one of them another name with"
                + " @Table(name = \"...\") [retort:duplicate-table]");
  }

  @Test
  void everyTagIsDistinctSoThatItFindsOneMessage() {
    Set<String> tags = new HashSet<>();
    List<String> repeated = new ArrayList<>();
    for (Message message : Message.values()) {
      if (!tags.add(message.tag())) {
        repeated.add(message.tag());
      }
    }
    assertThat(repeated).isEmpty();
    assertThat(tags).allMatch(tag -> tag.matches("[a-z]+(-[a-z]+)*"));
  }

  /** Records the kind of each message printed. */
  private static final class RecordingMessager implements Messager {
    private final List<Diagnostic.Kind> kinds = new ArrayList<>();

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence msg) {
      kinds.add(kind);
    }

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e) {
      kinds.add(kind);
    }

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a) {
      kinds.add(kind);
    }

    @Override
    public void printMessage(
        Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a, AnnotationValue v) {
      kinds.add(kind);
    }
  }
}
