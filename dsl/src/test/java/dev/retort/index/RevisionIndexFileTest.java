package dev.retort.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.index.RevisionIndexFile.Entry;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevisionIndexFileTest {

  private static final String CHECKSUM = "0123456789abcdef".repeat(4);

  @Test
  void writesOneLinePerRevisionAndReadsItBack() throws IOException {
    List<Entry> entries = List.of(
        new Entry("20261121_100000", "com.example.db.V1_Create", "com/example/db/V1_Create.schema", CHECKSUM,
            "Create table users.", List.of()),
        new Entry("20261121_110000", "com.example.db.Outer$V2", "", "", "Add column users.phone.",
            List.of("20261121_100000")),
        new Entry("merge", "com.example.db.Merge", "", "", "", List.of("20261121_110000", "other")));

    String text = RevisionIndexFile.write(entries);

    assertThat(text).startsWith("# Retort revision index 1\n").endsWith("\n")
        .contains("\n20261121_110000\tcom.example.db.Outer$V2\t\t\tAdd column users.phone.\t20261121_100000\n");
    assertThat(RevisionIndexFile.read(new StringReader(text), "test")).isEqualTo(entries);
  }

  @Test
  void escapesTabsLineEndsAndBackslashesInsideFields() throws IOException {
    Entry odd = new Entry("a\tb", "C", "", "", "first line\nsecond\r\\ end\\", List.of("p\\t", "q\nr"));

    String text = RevisionIndexFile.write(List.of(odd));

    assertThat(text.lines().filter(line -> !line.startsWith("#"))).hasSize(1);
    assertThat(RevisionIndexFile.read(new StringReader(text), "test")).containsExactly(odd);
  }

  @Test
  void refusesAnotherFormatVersionSayingWhatToDo() {
    assertThatThrownBy(() -> RevisionIndexFile.read(new StringReader("# Retort revision index 2\n"), "app.jar!/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("app.jar!/x is a revision index of version 2, but this Retort reads version 1. Build the"
            + " migrations and run them with the same version of Retort.");
  }

  @Test
  void refusesTextThatIsNotAnIndex() {
    assertThatThrownBy(() -> RevisionIndexFile.read(new StringReader("hello\n"), "x"))
        .hasMessageContaining("x is not a Retort revision index");
    assertThatThrownBy(() -> RevisionIndexFile.read(new StringReader(""), "x"))
        .hasMessageContaining("x is not a Retort revision index");
  }

  @Test
  void namesTheLineOfAMalformedEntry() {
    String text = "# Retort revision index 1\n# comment\n\nid\tC\t\t\tdescription\nid2\tC\t\n";
    assertThatThrownBy(() -> RevisionIndexFile.read(new StringReader(text), "idx"))
        .hasMessage("idx, line 5: expected at least 5 tab-separated fields (id, class, snapshot, source checksum,"
            + " description), found 3");
    String badEscape = "# Retort revision index 1\nid\tC\t\t\tends with \\x\n";
    assertThatThrownBy(() -> RevisionIndexFile.read(new StringReader(badEscape), "idx"))
        .hasMessageStartingWith("idx, line 2: unknown escape \\x");
    String badChecksum = "# Retort revision index 1\nid\tC\t\tXYZ\t\n";
    assertThatThrownBy(() -> RevisionIndexFile.read(new StringReader(badChecksum), "idx"))
        .hasMessage("idx, line 2: revision id has a malformed source checksum: XYZ");
  }

  @Test
  void sourceChecksumIgnoresHowLinesEndButNothingElse() {
    String unix = "class A {\n  int x;\n}\n";
    assertThat(RevisionIndexFile.sourceChecksum(unix)).matches("[0-9a-f]{64}")
        .isEqualTo(RevisionIndexFile.sourceChecksum(unix.replace("\n", "\r\n")))
        .isEqualTo(RevisionIndexFile.sourceChecksum(unix.replace("\n", "\r")))
        .isNotEqualTo(RevisionIndexFile.sourceChecksum(unix.replace("x", "y")))
        .isNotEqualTo(RevisionIndexFile.sourceChecksum(unix.replace("  ", " ")));
    // The SHA-256 of "abc", from FIPS 180-2.
    assertThat(RevisionIndexFile.sourceChecksum("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
