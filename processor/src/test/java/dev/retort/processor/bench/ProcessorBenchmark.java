package dev.retort.processor.bench;

import dev.retort.model.ColumnModel;
import dev.retort.model.ColumnType;
import dev.retort.model.IndexModel;
import dev.retort.model.PrimaryKeyModel;
import dev.retort.model.SchemaDiff;
import dev.retort.model.SchemaModel;
import dev.retort.model.TableModel;
import dev.retort.operation.Operation;
import dev.retort.processor.RetortProcessor;
import dev.retort.snapshot.SnapshotCodec;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Measures what the processor costs; not a test. See {@code processor/README.md} for the
 * command.
 *
 * <ol>
 *   <li>Generates a project of 1,000 {@code @Table} entities ({@code -Dbenchmark.entities=N}
 *       for another number) with 20 columns each and builds it once with the processor, which
 *       writes the migration creating all the tables.
 *   <li>Compiles that project (entities and migration) again and again, each time in a fresh
 *       JVM, in turn without annotation processing ({@code -proc:none}), with an empty processor
 *       (what javac's processing rounds cost whatever the processor), and with the Retort
 *       processor (the steady state: the entities match the head, so it writes nothing but the
 *       index), and reports the median compile times, wall clock and compiler thread CPU, and
 *       the CPU time spent in the Retort processor's own calls.
 *   <li>Times {@link SchemaDiff#diff} on a schema of 10,000 tables, unchanged and with changes
 *       to 200 of them, and the snapshot codec on the same schema.
 * </ol>
 *
 * <p>Arguments: {@code [runs] [work directory]}; 7 runs of each by default, in a temporary
 * directory that is deleted afterwards (a directory given is kept, to look at the project).
 */
public final class ProcessorBenchmark {

  /** How many entities; {@code -Dbenchmark.entities=N} changes it. */
  private static final int ENTITIES = Integer.getInteger("benchmark.entities", 1_000);
  private static final int COLUMNS = 20;
  private static final int TABLES = 10_000;
  private static final int COMPILE_MODE_ARGS = 3;

  private ProcessorBenchmark() {}

  /**
   * Runs the benchmark, or, with {@code compile <NONE|EMPTY|RETORT> <project>}, one compilation in
   * this JVM for the benchmark to time.
   *
   * @param args see the class comment
   * @throws Exception if a step fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length == COMPILE_MODE_ARGS && args[0].equals("compile")) {
      Timing timing = compile(Path.of(args[2]), Variant.valueOf(args[1]), Path.of(args[2], "target", "classes"));
      System.out.println("timing=" + timing.wallMillis() + "," + timing.cpuMillis() + "," + timing.processorCpuMillis());
      return;
    }
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    boolean temporary = args.length < 2;
    Path work = temporary ? Files.createTempDirectory("retort-benchmark") : Path.of(args[1]);
    try {
      run(runs, work);
    } finally {
      if (temporary) {
        cleanDirectory(work);
        Files.delete(work);
      }
    }
  }

  private static void run(int runs, Path work) throws IOException, InterruptedException {
    System.out.printf(Locale.ROOT, "Java %s, %d processors; project in %s%n",
        Runtime.version(), Runtime.getRuntime().availableProcessors(), work);

    Path project = work.resolve("project");
    writeEntities(project.resolve("src/main/java"));
    Timing firstBuild = compile(project, Variant.RETORT, Files.createDirectories(project.resolve("target/first")));
    System.out.printf(Locale.ROOT, "first build, generating the migration of %d tables: %d ms (the processor: %d ms CPU)%n",
        ENTITIES, firstBuild.wallMillis(), firstBuild.processorCpuMillis());

    for (Variant variant : Variant.values()) {
      compileInFreshJvm(project, variant);
    }
    Map<Variant, List<Timing>> timings = new EnumMap<>(Variant.class);
    for (int run = 0; run < runs; run++) {
      for (Variant variant : Variant.values()) {
        timings.computeIfAbsent(variant, v -> new ArrayList<>()).add(compileInFreshJvm(project, variant));
      }
    }
    long baseWall = median(timings.get(Variant.NONE), Timing::wallMillis);
    long baseCpu = median(timings.get(Variant.NONE), Timing::cpuMillis);
    long emptyWall = median(timings.get(Variant.EMPTY), Timing::wallMillis);
    long emptyCpu = median(timings.get(Variant.EMPTY), Timing::cpuMillis);
    for (Variant variant : Variant.values()) {
      long wall = median(timings.get(variant), Timing::wallMillis);
      long cpu = median(timings.get(variant), Timing::cpuMillis);
      System.out.printf(Locale.ROOT, "%-48s wall median %6d ms (%+6.1f%%), compiler thread CPU median %6d ms (%+6.1f%%)%n",
          variant.label, wall, percent(wall, baseWall), cpu, percent(cpu, baseCpu));
    }
    long retortWall = median(timings.get(Variant.RETORT), Timing::wallMillis);
    long retortCpu = median(timings.get(Variant.RETORT), Timing::cpuMillis);
    System.out.printf(Locale.ROOT,
        "Retort over javac running an empty processor: wall %+.1f%%, CPU %+.1f%% (target for the processor: at most +10%%)%n",
        percent(retortWall, emptyWall), percent(retortCpu, emptyCpu));
    long ownCpu = median(timings.get(Variant.RETORT), Timing::processorCpuMillis);
    System.out.printf(Locale.ROOT,
        "Retort's own work (its init and process calls): CPU median %d ms, %.1f%% of javac running an empty processor%n",
        ownCpu, 100.0 * ownCpu / emptyCpu);
    System.out.println("all runs (wall ms/CPU ms/processor CPU ms): " + timings);

    benchmarkDiffer(runs);
  }

  private static void writeEntities(Path sources) throws IOException {
    Path model = Files.createDirectories(sources.resolve("bench/model"));
    Files.writeString(model.resolve("Status.java"), "package bench.model;\n\npublic enum Status { NEW, ACTIVE, CLOSED }\n");
    for (int i = 0; i < ENTITIES; i++) {
      StringBuilder source = new StringBuilder()
          .append("package bench.model;\n\n")
          .append("import dev.retort.*;\n")
          .append("import java.math.BigDecimal;\n")
          .append("import java.time.*;\n")
          .append("import java.util.UUID;\n\n")
          .append("@Table(name = \"entity_").append(i).append("\")\n")
          .append("@Index(columns = {\"name1\"})\n")
          .append("public record Entity").append(i).append("(\n")
          .append("    @Id(generated = true) long id");
      for (int c = 1; c < COLUMNS; c++) {
        source.append(",\n    ").append(member(i, c));
      }
      source.append(") {}\n");
      Files.writeString(model.resolve("Entity" + i + ".java"), source.toString());
    }
  }

  /** One of nineteen members, covering the mapped Java types, a reference and explicit options. */
  private static String member(int entity, int column) {
    switch (column) {
      case 1: return "@Column(length = 100, nullable = Column.Nullability.NOT_NULL) String name" + column;
      case 2: return "int count" + column;
      case 3: return "Long total" + column;
      case 4: return "boolean active" + column;
      case 5: return "@Column(precision = 12, scale = 2) BigDecimal amount" + column;
      case 6: return "Instant createdAt" + column;
      case 7: return "LocalDate day" + column;
      case 8: return "UUID token" + column;
      case 9: return "Status status" + column;
      case 10: return "@Column(type = \"text\") String notes" + column;
      case 11: return "double ratio" + column;
      case 12: return "LocalDateTime seenAt" + column;
      case 13: return "@Column(defaultValue = \"0\") int version" + column;
      case 14: return "byte[] data" + column;
      case 15: return "short rank" + column;
      case 16: return "OffsetDateTime changedAt" + column;
      case 17: return "LocalTime opensAt" + column;
      case 18: return "@Column(length = 20, unique = true) String code" + column;
      default:
        return entity == 0
            ? "Long parentId" + column
            : "@References(Entity" + (entity - 1) + ".class) Long parentId" + column;
    }
  }

  private static Timing compileInFreshJvm(Path project, Variant variant) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(
            java.toString(), "-cp", System.getProperty("java.class.path"), ProcessorBenchmark.class.getName(),
            "compile", variant.name(), project.toString())
        .redirectErrorStream(true)
        .start();
    String timing = null;
    StringBuilder output = new StringBuilder();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        output.append(line).append('\n');
        if (line.startsWith("timing=")) {
          timing = line.substring("timing=".length());
        }
      }
    }
    if (process.waitFor() != 0 || timing == null) {
      throw new IllegalStateException("the compilation failed:\n" + output);
    }
    String[] parts = timing.split(",");
    return new Timing(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
  }

  /** Compiles every source of the project and returns how long javac took. */
  private static Timing compile(Path project, Variant variant, Path output) throws IOException {
    cleanDirectory(output);
    Path generated = Files.createDirectories(output.resolveSibling(output.getFileName() + "-generated"));
    cleanDirectory(generated);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<Path> classpath = new ArrayList<>();
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        classpath.add(Path.of(entry));
      }
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(output));
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
      List<Path> sources;
      try (Stream<Path> walk = Files.walk(project.resolve("src/main/java"))) {
        sources = walk.filter(path -> path.toString().endsWith(".java")).sorted().toList();
      }
      List<String> options = new ArrayList<>(List.of("--release", "17"));
      if (variant == Variant.NONE) {
        options.add("-proc:none");
      }
      JavaCompiler.CompilationTask task =
          javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources));
      TimedProcessor processor = null;
      if (variant == Variant.EMPTY) {
        processor = new TimedProcessor(new EmptyProcessor());
      } else if (variant == Variant.RETORT) {
        processor = new TimedProcessor(new RetortProcessor());
      }
      if (processor != null) {
        task.setProcessors(List.of(processor));
      }
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long startCpu = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      boolean succeeded = task.call();
      Timing timing = new Timing((System.nanoTime() - start) / 1_000_000,
          (threads.getCurrentThreadCpuTime() - startCpu) / 1_000_000,
          processor == null ? 0 : processor.cpuNanos / 1_000_000);
      for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
        if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
          throw new IllegalStateException("compilation failed: " + diagnostic);
        }
      }
      if (!succeeded) {
        throw new IllegalStateException("compilation failed: " + diagnostics.getDiagnostics());
      }
      return timing;
    }
  }

  private static void cleanDirectory(Path directory) throws IOException {
    if (Files.exists(directory)) {
      try (Stream<Path> walk = Files.walk(directory)) {
        for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
          if (!path.equals(directory)) {
            Files.delete(path);
          }
        }
      }
    }
    Files.createDirectories(directory);
  }

  private static void benchmarkDiffer(int runs) {
    SchemaModel before = schema(TABLES, 0);
    SchemaModel after = schema(TABLES, 200);
    List<Long> unchanged = new ArrayList<>();
    List<Long> changed = new ArrayList<>();
    List<Long> write = new ArrayList<>();
    List<Long> read = new ArrayList<>();
    int operations = 0;
    String text = SnapshotCodec.write(before);
    for (int run = -3; run < runs; run++) {
      long start = System.nanoTime();
      SchemaDiff.diff(before, schema(TABLES, 0));
      long middle = System.nanoTime();
      List<Operation> diff = SchemaDiff.diff(before, after);
      long end = System.nanoTime();
      String written = SnapshotCodec.write(before);
      long afterWrite = System.nanoTime();
      SnapshotCodec.read(written, "benchmark");
      long afterRead = System.nanoTime();
      operations = diff.size();
      if (run >= 0) {
        unchanged.add((middle - start) / 1_000_000);
        changed.add((end - middle) / 1_000_000);
        write.add((afterWrite - end) / 1_000_000);
        read.add((afterRead - afterWrite) / 1_000_000);
      }
    }
    System.out.printf(Locale.ROOT, "diff of %d tables, unchanged: median %d ms of %s%n",
        TABLES, median(unchanged, Long::longValue), unchanged);
    System.out.printf(Locale.ROOT, "diff of %d tables, 200 changed (%d operations): median %d ms of %s (target: under 1,000 ms)%n",
        TABLES, operations, median(changed, Long::longValue), changed);
    System.out.printf(Locale.ROOT, "snapshot of %d tables (%,d characters): write median %d ms, read median %d ms%n",
        TABLES, text.length(), median(write, Long::longValue), median(read, Long::longValue));
  }

  /**
   * A schema of {@code tables} tables of ten columns, a key and an index each; the first
   * {@code changed} tables get one more column and a wider varchar.
   */
  private static SchemaModel schema(int tables, int changed) {
    List<TableModel> all = new ArrayList<>(tables);
    for (int t = 0; t < tables; t++) {
      String name = "table_" + t;
      List<ColumnModel> columns = new ArrayList<>();
      columns.add(new ColumnModel("id", ColumnType.bigint(), false, Optional.empty(), true, Optional.empty()));
      columns.add(ColumnModel.of("name", ColumnType.varchar(t < changed ? 200 : 100)).withNullable(false));
      for (int c = 2; c < 10; c++) {
        columns.add(ColumnModel.of("column_" + c, c % 2 == 0 ? ColumnType.integer() : ColumnType.text()));
      }
      if (t < changed) {
        columns.add(ColumnModel.of("added", ColumnType.timestampTz()));
      }
      all.add(new TableModel(name, "", columns, Optional.of(new PrimaryKeyModel("pk_" + name, List.of("id"))),
          List.of(), List.of(new IndexModel("ix_" + name + "_name", List.of("name"), false)), List.of(), List.of(),
          Optional.empty()));
    }
    return new SchemaModel(all);
  }

  private static <T> long median(List<T> values, ToLongFunction<T> value) {
    long[] sorted = values.stream().mapToLong(value).sorted().toArray();
    return sorted[sorted.length / 2];
  }

  private static double percent(long value, long base) {
    return 100.0 * (value - base) / base;
  }

  /** What runs in javac besides compiling. */
  private enum Variant {
    NONE("javac -proc:none"),
    EMPTY("javac with an empty processor (rounds only)"),
    RETORT("javac with the Retort processor");

    private final String label;

    Variant(String label) {
      this.label = label;
    }
  }

  /**
   * How long one compilation took.
   *
   * @param wallMillis elapsed time
   * @param cpuMillis CPU time of the compiling thread, less disturbed by other load on the machine
   * @param processorCpuMillis the part of {@code cpuMillis} spent in the processor's {@code init}
   *     and {@code process}: its own work, without the processing rounds javac runs for any
   *     processor
   */
  private record Timing(long wallMillis, long cpuMillis, long processorCpuMillis) {
    @Override
    public String toString() {
      return wallMillis + "/" + cpuMillis + "/" + processorCpuMillis;
    }
  }

  /** Runs a processor and adds up the compiler thread's CPU time in its {@code init} and {@code process}. */
  private static final class TimedProcessor implements Processor {
    private final Processor processor;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long cpuNanos;

    TimedProcessor(Processor processor) {
      this.processor = processor;
    }

    @Override
    public Set<String> getSupportedOptions() {
      return processor.getSupportedOptions();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return processor.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return processor.getSupportedSourceVersion();
    }

    @Override
    public void init(ProcessingEnvironment env) {
      long start = threads.getCurrentThreadCpuTime();
      processor.init(env);
      cpuNanos += threads.getCurrentThreadCpuTime() - start;
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      long start = threads.getCurrentThreadCpuTime();
      boolean claimed = processor.process(annotations, round);
      cpuNanos += threads.getCurrentThreadCpuTime() - start;
      return claimed;
    }

    @Override
    public Iterable<? extends Completion> getCompletions(
        Element element, AnnotationMirror annotation, ExecutableElement member, String userText) {
      return processor.getCompletions(element, annotation, member, userText);
    }
  }

  /**
   * A processor that claims the Retort annotations and does nothing, to separate what javac's
   * annotation processing rounds cost from what the Retort processor costs.
   */
  public static final class EmptyProcessor extends AbstractProcessor {
    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("dev.retort.*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return true;
    }
  }
}
