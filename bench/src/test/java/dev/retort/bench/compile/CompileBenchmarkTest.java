package dev.retort.bench.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.bench.compile.CompileMain.Compiler;
import dev.retort.bench.measure.ChildJvm;
import dev.retort.index.RevisionIndexFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileBenchmarkTest {

  @TempDir
  Path work;

  @Test
  void measuresBothBuildsOfASmallProjectWithEachCompiler() {
    CompileBenchmark benchmark = new CompileBenchmark(work, new ChildJvm(List.of(), work.resolve("logs")), 1);

    CompileBenchmark.Result result = benchmark.measure(3);

    assertThat(result.entities()).isEqualTo(3);
    assertThat(result.first().retortFailure()).isEmpty();
    assertThat(result.first().description()).matches("first \\(writes a [0-9,]+-line migration\\)");
    assertThat(result.first().samples()).containsOnlyKeys(Compiler.PLAIN, Compiler.RETORT);
    assertThat(result.unchanged().description()).isEqualTo("no change (1 migration)");
    assertThat(result.unchanged().samples()).containsOnlyKeys(Compiler.PLAIN, Compiler.NOOP, Compiler.RETORT);
    assertThat(result.unchanged().samples().values()).allSatisfy(samples -> assertThat(samples).hasSize(1));
    assertThat(work.resolve("compile-3/classes").resolve(RevisionIndexFile.RESOURCE)).exists();
  }
}
