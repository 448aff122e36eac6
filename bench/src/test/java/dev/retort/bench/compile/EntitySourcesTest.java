package dev.retort.bench.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.bench.workload.Javac;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntitySourcesTest {

  @TempDir
  Path project;

  @Test
  void theProcessorWritesOneMigrationCreatingEveryEntitysTable() throws IOException {
    Path sources = project.resolve("src/main/java");
    EntitySources.write(sources, 1, 3);

    Javac.compileTree(sources, List.of("--release", "17", "-d", dir("classes"), "-s", dir("generated"),
        "-classpath", Javac.dslClassPath(), "-processorpath", Javac.processorPath(),
        "-Aretort.clock=" + CompileBenchmark.CLOCK));

    Path migrations = sources.resolve("bench/model/migration");
    List<Path> written;
    try (Stream<Path> files = Files.list(migrations)) {
      written = files.toList();
    }
    assertThat(written).singleElement().satisfies(file -> assertThat(Files.readString(file))
        .contains("schema.createTable(\"entity_00001\"")
        .contains("schema.createTable(\"entity_00003\"")
        .contains(".references(\"entity_00001\", \"id\")"));
    assertThat(project.resolve("classes/bench/model/Entity00003.class")).exists();
  }

  @Test
  void everyEntityHasTwentyColumnsAndEachButTheFirstAReference() {
    assertThat(EntitySources.source(1)).doesNotContain("@References").contains("long ownerId) {}");
    assertThat(EntitySources.source(7)).contains("@References(Entity00003.class) long parentId) {}");
    assertThat(EntitySources.source(7).lines().filter(line -> line.startsWith("    ")))
        .hasSize(EntitySources.COLUMNS);
  }

  private String dir(String name) throws IOException {
    return Files.createDirectories(project.resolve(name)).toString();
  }
}
