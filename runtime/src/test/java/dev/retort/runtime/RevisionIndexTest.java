package dev.retort.runtime;

import static dev.retort.model.ColumnType.date;
import static dev.retort.runtime.Codes.code;
import static dev.retort.runtime.IndexFixture.library;
import static dev.retort.runtime.IndexFixture.source;
import static dev.retort.runtime.IndexFixture.withClass;
import static dev.retort.runtime.IndexFixture.withSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.Migration;
import dev.retort.dsl.Schema;
import dev.retort.index.RevisionIndexFile;
import dev.retort.operation.Vendor;
import dev.retort.runtime.fixtures.Library;
import dev.retort.runtime.testdb.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The revision index on the class path: how the runtime finds the history, and how the source
 * checksums it carries spare a start from loading the migrations already applied.
 */
class RevisionIndexTest {

  @TempDir
  Path root;

  private TestDatabase db;
  private final List<URLClassLoader> loaders = new ArrayList<>();

  @BeforeEach
  void createDatabase() {
    db = TestDatabase.create(TestDatabase.Kind.H2);
  }

  @AfterEach
  void dropDatabase() throws IOException {
    db.close();
    for (URLClassLoader loader : loaders) {
      loader.close();
    }
  }

  /** A migration that must not be created: standing in for an applied migration the start must not load. */
  public static final class MustNotLoad implements Migration {
    /** Fails. */
    public MustNotLoad() {
      throw new IllegalStateException("this migration must not be created");
    }

    @Override
    public void upgrade(Schema schema) {}

    @Override
    public void downgrade(Schema schema) {}
  }

  /** Revision 003 edited after it was applied: it adds another column. */
  public static final class AddAuthorsDied implements Migration {
    @Override
    public void upgrade(Schema schema) {
      schema.alterTable("authors", t -> t.addColumn("died", date()));
    }

    @Override
    public void downgrade(Schema schema) {
      schema.alterTable("authors", t -> t.dropColumn("died"));
    }
  }

  @Test
  void findsTheHistoryInEveryIndexOnTheClassPathAndRecordsTheSourceChecksums() {
    List<RevisionIndexFile.Entry> entries = library("v1");
    Retort retort = retort(index("first", entries.subList(0, 2)), index("second", entries.subList(2, 4)));

    assertThat(retort.upgrade().after()).containsExactly("004");

    assertThat(Probe.sourceChecksums(db)).isEqualTo(Map.of(
        "001", source("v1", "001"), "002", source("v1", "002"), "003", source("v1", "003"),
        "004", source("v1", "004")));
  }

  @Test
  void aStartWithUnchangedSourcesDoesNotLoadTheAppliedMigrations() {
    retort(index("build1", library("v1"))).upgrade();
    List<RevisionIndexFile.Entry> unloadable = new ArrayList<>();
    library("v1").forEach(entry -> unloadable.add(withClass(entry, MustNotLoad.class)));
    Retort restarted = retort(index("build2", unloadable));

    MigrationResult result = restarted.upgrade();

    assertThat(result.changed()).isFalse();
    assertThat(result.after()).containsExactly("004");
    assertThat(restarted.current().revisions()).containsExactly("004");
  }

  @Test
  void aMigrationWhoseSourceChangedIsVerifiedByItsOperations() {
    retort(index("build1", library("v1"))).upgrade();
    List<RevisionIndexFile.Entry> entries = new ArrayList<>(library("v1"));
    entries.set(1, withClass(withSource(entries.get(1), source("v2", "002")), MustNotLoad.class));

    assertThatThrownBy(() -> retort(index("build2", entries)).upgrade())
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.INVALID_MIGRATION))
        .hasMessageContaining("revision 002")
        .hasMessageContaining("this migration must not be created");
  }

  @Test
  void aReformattedSourceWithTheSameOperationsPassesAndStampRecordsItsNewChecksum() {
    retort(index("build1", library("v1"))).upgrade();
    Retort rebuilt = retort(index("build2", library("v2")));

    assertThat(rebuilt.upgrade().changed()).isFalse();
    StampResult stamp = rebuilt.stamp("head");

    assertThat(stamp.checksumsUpdated()).containsExactly("001", "002", "003", "004");
    assertThat(Probe.sourceChecksums(db)).containsEntry("003", source("v2", "003"));
    assertThat(rebuilt.stamp("head").changed()).isFalse();
  }

  @Test
  void anAppliedMigrationWhoseOperationsChangedIsAChecksumMismatch() {
    retort(index("build1", library("v1"))).upgrade();
    List<RevisionIndexFile.Entry> entries = new ArrayList<>(library("v1"));
    entries.set(2, withClass(withSource(entries.get(2), source("v2", "003")), AddAuthorsDied.class));

    assertThatThrownBy(() -> retort(index("build2", entries)).upgrade())
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.CHECKSUM_MISMATCH))
        .hasMessageContaining("revision 003 (" + AddAuthorsDied.class.getName() + ") was applied with checksum");
  }

  @Test
  void withoutSourceChecksumsEveryAppliedMigrationIsVerifiedByItsOperations() {
    retort(index("build1", library(""))).upgrade();
    assertThat(Probe.sourceChecksums(db)).containsEntry("001", null);
    List<RevisionIndexFile.Entry> entries = new ArrayList<>(library(""));
    entries.set(0, withClass(entries.get(0), MustNotLoad.class));

    assertThatThrownBy(() -> retort(index("build2", entries)).upgrade())
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.INVALID_MIGRATION))
        .hasMessageContaining("revision 001");
  }

  @Test
  void anIdThatATargetCannotNameIsRefusedOnLoadingNamingTheClassWithoutCreatingIt() {
    List<RevisionIndexFile.Entry> entries = new ArrayList<>(library("v1"));
    String last = entries.get(entries.size() - 1).id();
    entries.add(new RevisionIndexFile.Entry("head", MustNotLoad.class.getName(), "", "", "", "", List.of(last)));
    URLClassLoader loader = index("build", entries);

    assertThatThrownBy(() -> retort(loader))
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.INVALID_MIGRATION))
        .hasMessageStartingWith("Revision id \"head\" of " + MustNotLoad.class.getName() + " is the target head, so a"
            + " command given head would never mean this revision. Give the revision another id in its @Revision");
    assertThat(Probe.tableExists(db, "retort_version")).as("the version table").isFalse();
  }

  @Test
  void aClassMissingFromTheClassPathIsNamedWhenItIsNeeded() {
    List<RevisionIndexFile.Entry> entries = new ArrayList<>(library("v1"));
    RevisionIndexFile.Entry missing = new RevisionIndexFile.Entry("004", "com.example.Gone", "", "", "", "",
        List.of("003"));
    entries.set(3, missing);
    Retort retort = retort(index("build", entries));

    assertThat(retort.upgrade("003").after()).containsExactly("003");
    assertThatThrownBy(retort::upgrade)
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.INVALID_MIGRATION))
        .hasMessageContaining("Cannot create the migration of revision 004")
        .hasMessageContaining("class com.example.Gone is in the revision index but not on the class path");
  }

  @Test
  void aDamagedIndexIsAnErrorNamingTheFileAndLine() throws IOException {
    URLClassLoader loader = index("damaged", library("v1"));
    Path file = root.resolve("damaged").resolve(RevisionIndexFile.RESOURCE);
    Files.writeString(file, Files.readString(file) + "005\tonly two fields\n");

    assertThatThrownBy(() -> Retort.builder().url(db.url(), db.user(), db.password()).classLoader(loader).build())
        .isInstanceOfSatisfying(RetortException.class, code(ErrorCode.NO_MIGRATIONS))
        .hasMessageContaining("Could not read the revision index " + file.toUri().toURL())
        .hasMessageContaining("line 8: expected at least 6 tab-separated fields")
        .hasMessageEndingWith("Rebuild the project so that the Retort processor writes it again.");
  }

  @Test
  void anOfflineInstanceAnswersWhatNeedsNoDatabaseAndRefusesTheRest() {
    Retort offline = Retort.builder().offline().classLoader(index("build", library("v1"))).build();

    assertThat(offline.heads().revisions()).containsExactly("004");
    assertThat(offline.show("003").migrationClass()).isEqualTo(Library.AddAuthorsBorn.class.getName());
    assertThat(offline.sql("base", "head", Vendor.POSTGRESQL).text()).contains("CREATE TABLE");
    assertThatThrownBy(offline::upgrade).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("built offline()");
    assertThatThrownBy(() -> Retort.builder().offline().url(db.url(), db.user(), db.password()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("already set by offline");
  }

  private Retort retort(URLClassLoader... loaders) {
    ClassLoader loader = loaders.length == 1 ? loaders[0] : chain(loaders);
    return Retort.builder().url(db.url(), db.user(), db.password()).classLoader(loader).build();
  }

  private ClassLoader chain(URLClassLoader... parts) {
    List<URL> urls = new ArrayList<>();
    for (URLClassLoader part : parts) {
      urls.addAll(List.of(part.getURLs()));
    }
    URLClassLoader all = new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader());
    loaders.add(all);
    return all;
  }

  private URLClassLoader index(String name, List<RevisionIndexFile.Entry> entries) {
    try {
      Path dir = root.resolve(name);
      IndexFixture.write(dir, entries);
      URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
      loaders.add(loader);
      return loader;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
