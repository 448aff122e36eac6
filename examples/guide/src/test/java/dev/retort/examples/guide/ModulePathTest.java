package dev.retort.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retort in a modular application, as docs/setup.md's "Java modules" tells: the sample of
 * {@code modular/} (a test resource; its {@code module-info.java} is quoted by the guide) is
 * compiled as the module {@code com.example.notes} against the reactor's Retort jars on the
 * module path, with the processor writing its first migration, and run in a JVM of its own with
 * {@code java --module-path … -m com.example.notes/com.example.notes.Main} on an H2 file. The
 * processor runs from the class path ({@code -processorpath}, what Maven's
 * {@code annotationProcessorPaths} gives javac) and, in one test, from the processor module path
 * ({@code --processor-module-path}), where javac finds it as a service of the automatic module
 * {@code dev.retort.processor}.
 *
 * <p>It needs the jars, whose manifests name the modules: a reactor build gives them from the
 * package phase on ({@code ./mvnw verify}); before it gives class directories, and the test is
 * skipped (failed under {@code CI=true}).
 */
class ModulePathTest {

  private static final String SAMPLE = "modular";
  private static final String MODULE = "com.example.notes";
  private static final String MIGRATION_PACKAGE = "com.example.notes.migration";
  /** The revision the processor writes for the sample at its fixed clock. */
  private static final String REVISION = "20261121_153000";
  private static final String OPENS = "  opens " + MIGRATION_PACKAGE + ";";

  @TempDir Path dir;

  private List<Path> retortJars;

  @BeforeEach
  void findTheReactorsJars() {
    retortJars = List.of(classPathEntry("retort-dsl"), classPathEntry("retort-runtime"));
  }

  @Test
  void aModularApplicationAppliesItsMigrationsAndChecksTheDatabase() throws Exception {
    Path app = compile(moduleInfo());

    Run run = run(app);

    assertThat(run.exitCode()).as("exit code; stderr:%n%s", run.stderr()).isZero();
    assertThat(run.stdout()).contains("Applied: [" + REVISION + "]").contains("Differences: []");
    assertThat(tables()).contains("notes", "retort_version");
  }

  @Test
  void theProcessorOnTheProcessorModulePathWritesTheMigration() throws Exception {
    // The processor's jar and the two it needs, each an automatic module with a fixed name.
    String processorModules = modulePath(
        List.of(classPathEntry("retort-processor"), classPathEntry("retort-dsl"), classPathEntry("javapoet")));

    Path app = compile(moduleInfo(), List.of("--processor-module-path", processorModules));

    assertThat(dir.resolve("src/" + MIGRATION_PACKAGE.replace('.', '/') + "/V" + REVISION + "_CreateNotes.java"))
        .as("the migration the processor writes into the source tree").exists();
    Run run = run(app);
    assertThat(run.exitCode()).as("exit code; stderr:%n%s", run.stderr()).isZero();
    assertThat(run.stdout()).contains("Applied: [" + REVISION + "]").contains("Differences: []");
  }

  @Test
  void aMigrationPackageTheModuleKeepsClosedIsNamedWithTheLineToAdd() throws Exception {
    Path app = compile(moduleInfo().replace(OPENS + "\n", ""));

    Run run = run(app);

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.stderr()).contains("RetortException: Cannot create the migration of revision " + REVISION + " ("
        + MIGRATION_PACKAGE + ".V" + REVISION + "_CreateNotes): module " + MODULE + " does not open package "
        + MIGRATION_PACKAGE + " to Retort, which creates its migrations by reflection and reads their snapshots"
        + " beside them. Add `opens " + MIGRATION_PACKAGE + ";` to the module's module-info.java.");
    assertThat(tables()).doesNotContain("notes");
  }

  @Test
  void aMigrationPackageExportedToTheRuntimeOnlyMigratesButHidesTheSnapshotFromCheck() throws Exception {
    Path app = compile(moduleInfo().replace(OPENS, "  exports " + MIGRATION_PACKAGE + " to dev.retort.runtime;"));

    Run run = run(app);

    assertThat(run.stdout()).contains("Applied: [" + REVISION + "]");
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.stderr()).contains("RetortException: Cannot read the schema snapshot "
        + MIGRATION_PACKAGE.replace('.', '/') + "/V" + REVISION + "_CreateNotes.schema of revision " + REVISION
        + " (" + MIGRATION_PACKAGE + ".V" + REVISION + "_CreateNotes): module " + MODULE + " does not open package "
        + MIGRATION_PACKAGE + " to Retort");
  }

  private static String moduleInfo() {
    String source = resource(SAMPLE + "/module-info.java");
    assertThat(source).as("the sample's module-info.java").contains(OPENS + "\n");
    return source;
  }

  /**
   * Compiles the sample as a module with the given descriptor, the processor found on the class
   * path as a Maven build gives it.
   */
  private Path compile(String moduleInfo) throws IOException {
    // The processor and what it needs (the dsl, JavaPoet), as a Maven build gives them.
    return compile(moduleInfo, List.of("-processorpath", System.getProperty("java.class.path")));
  }

  /**
   * Compiles the sample as a module with the given descriptor, the processor writing the
   * migration of its entity (as a developer's first build does), and returns the module's
   * output directory, which then holds the migration, its snapshot and the revision index.
   *
   * @param processorPath the javac options that say where the processor is
   */
  private Path compile(String moduleInfo, List<String> processorPath) throws IOException {
    Path sources = dir.resolve("src");
    Path resources = dir.resolve("resources");
    Path output = dir.resolve("classes");
    Path generated = dir.resolve("generated");
    List<String> files = new ArrayList<>();
    for (String name : List.of("com/example/notes/Main.java", "com/example/notes/model/Note.java")) {
      files.add(write(sources.resolve(name), resource(SAMPLE + "/" + name)).toString());
    }
    files.add(write(sources.resolve("module-info.java"), moduleInfo).toString());
    Files.createDirectories(resources);
    Files.createDirectories(output);
    Files.createDirectories(generated);

    List<String> arguments = new ArrayList<>(List.of(
        "-d", output.toString(), "-s", generated.toString(),
        "--module-path", modulePath(retortJars, classPathEntry("slf4j-api")),
        "-Aretort.mode=generate", "-Aretort.clock=2026-11-21T15:30:00Z",
        "-Aretort.package=" + MIGRATION_PACKAGE,
        "-Aretort.sourceDir=" + sources, "-Aretort.resourceDir=" + resources));
    arguments.addAll(processorPath);
    arguments.addAll(files);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    int status = javac.run(null, messages, messages, arguments.toArray(String[]::new));
    assertThat(status).as("javac: %s", messages.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(output.resolve("META-INF/retort/revisions")).as("the revision index").exists();
    return output;
  }

  private Run run(Path app) throws IOException, InterruptedException {
    List<Path> modules = new ArrayList<>(List.of(app));
    modules.addAll(retortJars);
    modules.add(classPathEntry("slf4j-api"));
    modules.add(classPathEntry("slf4j-simple"));
    modules.add(classPathEntry("h2"));
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--module-path", modulePath(modules),
        "-m", MODULE + "/" + MODULE + ".Main",
        url());
    Path stdout = dir.resolve("stdout.txt");
    Path stderr = dir.resolve("stderr.txt");
    Process process = new ProcessBuilder(command)
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile())
        .start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("the modular sample did not finish within two minutes");
    }
    return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
        Files.readString(stderr, StandardCharsets.UTF_8));
  }

  private String url() {
    return "jdbc:h2:file:" + dir.resolve("notes").toAbsolutePath() + ";DATABASE_TO_LOWER=TRUE";
  }

  private List<String> tables() throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url(), "sa", "");
        ResultSet rows = connection.createStatement().executeQuery(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    return tables;
  }

  /**
   * The jar of an artifact on the test class path. A Retort module given as a class directory
   * (a reactor build before the package phase) has no manifest, hence no module name: the test
   * is skipped then, and fails under {@code CI=true}.
   */
  private static Path classPathEntry(String artifactId) {
    Pattern name = Pattern.compile(Pattern.quote(artifactId) + "-\\d[^/\\\\]*(?<!-tests)\\.jar");
    String reactorDirectory = File.separator + artifactId.replace("retort-", "") + File.separator;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (name.matcher(path.getFileName().toString()).matches()) {
        return path;
      }
      if (Files.isDirectory(path) && artifactId.startsWith("retort-") && entry.contains(reactorDirectory)) {
        String message = artifactId + " is on the test class path as the directory " + entry + ", which has no"
            + " manifest and so no module name; run the build to the package phase (./mvnw verify)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
          throw new AssertionError(message);
        }
        Assumptions.abort(message);
      }
    }
    throw new AssertionError("no " + artifactId + " jar on the test class path: " + System.getProperty("java.class.path"));
  }

  private static String modulePath(List<Path> jars, Path... more) {
    List<Path> all = new ArrayList<>(jars);
    all.addAll(List.of(more));
    return modulePath(all);
  }

  private static String modulePath(List<Path> entries) {
    return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }

  private static Path write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private static String resource(String name) {
    try (InputStream in = ModulePathTest.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a run of the sample did. */
  private record Run(int exitCode, String stdout, String stderr) {}
}
