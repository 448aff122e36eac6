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
            CHECKSUM, "Create table users.", List.of()),
        new Entry("20261121_110000", "com.example.db.Outer$V2", "", "", "", "Add column users.phone.",
            List.of("20261121_100000")),
        new Entry("merge", "com.example.db.Merge", "", "", "", "", List.of("20261121_110000", "other")));

    String text = RevisionIndexFile.write(entries);

    assertThat(text).startsWith("# Retort revision index 2\n").endsWith("\n")
        .contains("\n20261121_100000\tcom.example.db.V1_Create\tcom/example/db/V1_Create.schema\t" + CHECKSUM + "\t"
            + CHECKSUM + "\tCreate table users.\n")
        .contains("\n20261121_110000\tcom.example.db.Outer$V2\t\t\t\tAdd column users.phone.\t20261121_100000\n");
    assertThat(RevisionIndexFile.read(new StringReader(text), "test")).isEqualTo(entries);
  }

  @Test
  void escapesTabsLineEndsAndBackslashesInsideFields() throws IOException {
    Entry odd = new Entry("a\tb", "C", "", "", "", "first line\nsecond\r\\ end\\", List.of("p\\t", "q\nr"));

    String text = RevisionIndexFile.write(List.of(odd));

    assertThat(text.lines().filter(line -> !line.startsWith("#"))).hasSize(1);
    assertThat(RevisionIndexFile.read(new StringReader(text), "test")).containsExactly(odd);
  }

  @Test
  void readsAVersion1IndexWithoutSnapshotSourceChecksums() throws IOException {
    String text = "# Retort revision index 1\n"
        + "20261121_100000\tcom.example.db.V1_Create\tcom/example/db/V1_Create.schema\t" + CHECKSUM
        + "\tCreate table users.\n"
        + "20261121_110000\tcom.example.db.V2\t\t\tAdd column users.phone.\t20261121_100000\n";

    List<Entry> entries = RevisionIndexFile.read(new StringReader(text), "old.jar");

    assertThat(entries).containsExactly(
        new Entry("20261121_100000", "com.example.db.V1_Create", "com/example/db/V1_Create.schema", CHECKSUM, "",
            "Create table users.", List.of()),
        new Entry("20261121_110000", "com.example.db.V2", "", "", "", "Add column users.phone.",
            List.of("20261121_100000")));
    assertThat(entries).noneMatch(Entry::snapshotMatchesSource);
  }

  @Test
  void aSnapshotMatchesItsSourceOnlyWhenBothChecksumsAreKnownAndEqual() {
    String other = "fedcba9876543210".repeat(4);
    assertThat(new Entry("a", "C", "a.schema", CHECKSUM, CHECKSUM, "", List.of()).snapshotMatchesSource()).isTrue();
    assertThat(new Entry("a", "C", "a.schema", CHECKSUM, other, "", List.of()).snapshotMatchesSource()).isFalse();
    assertThat(new Entry("a", "C", "a.schema", CHECKSUM, "", "", List.of()).snapshotMatchesSource()).isFalse();
    assertThat(new Entry("a", "C", "a.schema", "", "", "", List.of()).snapshotMatchesSource()).isFalse();
  }

  @Test
  void refusesAnotherFormatVersionSayingWhatToDo() {
    assertThatThrownBy(() -> RevisionIndexFile.read(new StringReader("# Retort revision index 3\n"), "app.jar!/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("app.jar!/x is a revision index of version 3, but this Retort reads versions 1 to 2. Build the"
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
    String text = "# Retort revision index 2\n# comment\n\nid\tC\t\t\t\tdescription\nid2\tC\t\t\tdescription\n";
    assertThatThrownBy(() -> RevisionIndexFile.read(new StringReader(text), "idx"))
        .hasMessage("idx, line 5: expected at least 6 tab-separated fields (id, class, snapshot, source checksum,"
            + " snapshot's source checksum, description), found 5");
    String oldText = "# Retort revision index 1\nid2\tC\t\n";
    assertThatThrownBy(() -> RevisionIndexFile.read(new StringReader(oldText), "idx"))
        .hasMessage("idx, line 2: expected at least 5 tab-separated fields (id, class, snapshot, source checksum,"
            + " description), found 3");
    String badEscape = "# Retort revision index 1\nid\tC\t\t\tends with \\x\n";
    assertThatThrownBy(() -> RevisionIndexFile.read(new StringReader(badEscape), "idx"))
        .hasMessageStartingWith("idx, line 2: unknown escape \\x");
    String badChecksum = "# Retort revision index 1\nid\tC\t\tXYZ\t\n";
    assertThatThrownBy(() -> RevisionIndexFile.read(new StringReader(badChecksum), "idx"))
        .hasMessage("idx, line 2: revision id has a malformed source checksum: XYZ");
    String badSnapshotChecksum = "# Retort revision index 2\nid\tC\t\t\tXYZ\t\n";
    assertThatThrownBy(() -> RevisionIndexFile.read(new StringReader(badSnapshotChecksum), "idx"))
        .hasMessage("idx, line 2: revision id has a malformed snapshot source checksum: XYZ");
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
