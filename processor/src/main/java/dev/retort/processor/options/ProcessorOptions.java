package dev.retort.processor.options;

import dev.retort.processor.diagnostics.Diagnostics;
import dev.retort.processor.diagnostics.Message;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * The processor options ({@code -A<name>=<value>} on the javac command line, or
 * {@code <compilerArgs>} in Maven):
 *
 * <ul>
 *   <li>{@value #MODE}: {@code generate} (the default) writes the next migration into the source
 *       tree; {@code check} fails the compilation when the entities differ from the committed
 *       head and writes nothing; {@code off} reads no entities and only emits the revision index.
 *   <li>{@value #ENTITIES}: {@code retort} (the default) reads the {@code @dev.retort.Table}
 *       entities; {@code jpa} reads the JPA {@code @Entity} classes instead (see {@link
 *       EntitySource}).
 *   <li>{@value #PACKAGE}: the package of new migrations; by default the package of the newest
 *       existing revision, else {@code <package of the entities>.migration}.
 *   <li>{@value #SOURCE_DIR}: the source directory new migrations are written under; by default
 *       the directory holding the existing revisions or the entities.
 *   <li>{@value #RESOURCE_DIR}: the directory snapshots are read from and written to; by default
 *       the {@code resources} directory beside a source directory named {@code java}.
 *   <li>{@value #JPA_SEQUENCE_NAMING}: with JPA entities, how Hibernate names the sequence of a
 *       key without a generator naming one: {@code standard} (the default, {@code <table>_seq}),
 *       {@code legacy} or {@code single} (one {@code hibernate_sequence}); Hibernate's {@code
 *       hibernate.id.db_structure_naming_strategy} (see {@link SequenceNaming}).
 *   <li>{@value #LOCK_FINDINGS}: how the build reports a generated operation that locks a table with
 *       rows while it reads or rewrites it: {@code warning} (the default), {@code note} (which
 *       {@code -Werror} leaves alone) or {@code off}; the generated migration carries it as a comment
 *       all the same (see {@link LockFindings}).
 *   <li>{@value #CLOCK}: an ISO-8601 instant used instead of the current time for new revision
 *       ids, so that tests get the same output every time.
 * </ul>
 *
 * @param mode what to do with a difference
 * @param entities which annotations declare the entities
 * @param migrationPackage the package of new migrations, if set
 * @param sourceDir the source directory, if set
 * @param resourceDir the resource directory, if set
 * @param jpaSequenceNaming how Hibernate names the sequences of JPA keys
 * @param lockFindings how the build reports operations that lock a table with rows
 * @param clock gives the time new revision ids are made from
 */
public record ProcessorOptions(
    Mode mode,
    EntitySource entities,
    Optional<String> migrationPackage,
    Optional<Path> sourceDir,
    Optional<Path> resourceDir,
    SequenceNaming jpaSequenceNaming,
    LockFindings lockFindings,
    Clock clock) {

  /** The option choosing the {@link Mode}. */
  public static final String MODE = "retort.mode";
  /** The option choosing the {@link EntitySource}. */
  public static final String ENTITIES = "retort.entities";
  /** The option naming the migrations package. */
  public static final String PACKAGE = "retort.package";
  /** The option naming the source directory. */
  public static final String SOURCE_DIR = "retort.sourceDir";
  /** The option naming the resource directory. */
  public static final String RESOURCE_DIR = "retort.resourceDir";
  /** The option choosing the {@link SequenceNaming} of JPA keys. */
  public static final String JPA_SEQUENCE_NAMING = "retort.jpa.sequenceNaming";
  /** The option choosing the {@link LockFindings}. */
  public static final String LOCK_FINDINGS = "retort.lockFindings";
  /** The option fixing the clock. */
  public static final String CLOCK = "retort.clock";

  /** Every option the processor reads. */
  public static final Set<String> NAMES =
      Set.of(MODE, ENTITIES, PACKAGE, SOURCE_DIR, RESOURCE_DIR, JPA_SEQUENCE_NAMING, LOCK_FINDINGS, CLOCK);

  /** Validates the components. */
  public ProcessorOptions {
    Objects.requireNonNull(mode, "mode == null");
    Objects.requireNonNull(entities, "entities == null");
    Objects.requireNonNull(migrationPackage, "migrationPackage == null");
    Objects.requireNonNull(sourceDir, "sourceDir == null");
    Objects.requireNonNull(resourceDir, "resourceDir == null");
    Objects.requireNonNull(jpaSequenceNaming, "jpaSequenceNaming == null");
    Objects.requireNonNull(lockFindings, "lockFindings == null");
    Objects.requireNonNull(clock, "clock == null");
  }

  /**
   * Reads the options, reporting each invalid one.
   *
   * @param options the processing environment's options
   * @param diagnostics where invalid values are reported
   * @return the options, or empty if any was invalid
   */
  public static Optional<ProcessorOptions> parse(Map<String, String> options, Diagnostics diagnostics) {
    int errorsBefore = diagnostics.errorCount();
    Mode mode = Mode.GENERATE;
    String modeValue = options.get(MODE);
    if (modeValue != null) {
      Optional<Mode> parsed = Mode.fromOptionValue(modeValue);
      if (parsed.isPresent()) {
        mode = parsed.get();
      } else {
        diagnostics.report(null, Message.INVALID_OPTION, MODE, modeValue, "use generate, check or off");
      }
    }
    EntitySource entities = EntitySource.RETORT;
    String entitiesValue = options.get(ENTITIES);
    if (entitiesValue != null) {
      Optional<EntitySource> parsed = EntitySource.fromOptionValue(entitiesValue);
      if (parsed.isPresent()) {
        entities = parsed.get();
      } else {
        diagnostics.report(null, Message.INVALID_OPTION, ENTITIES, entitiesValue, "use retort or jpa");
      }
    }
    Optional<String> migrationPackage = Optional.ofNullable(options.get(PACKAGE)).map(String::strip);
    if (migrationPackage.isPresent() && !SourceVersion.isName(migrationPackage.get())) {
      diagnostics.report(
          null, Message.INVALID_OPTION, PACKAGE, migrationPackage.get(), "it is not a Java package name");
    }
    Optional<Path> sourceDir = directory(options, SOURCE_DIR, diagnostics);
    Optional<Path> resourceDir = directory(options, RESOURCE_DIR, diagnostics);
    SequenceNaming sequenceNaming = SequenceNaming.STANDARD;
    String sequenceNamingValue = options.get(JPA_SEQUENCE_NAMING);
    if (sequenceNamingValue != null) {
      Optional<SequenceNaming> parsed = SequenceNaming.fromOptionValue(sequenceNamingValue);
      if (parsed.isPresent()) {
        sequenceNaming = parsed.get();
      } else {
        diagnostics.report(null, Message.INVALID_OPTION, JPA_SEQUENCE_NAMING, sequenceNamingValue,
            "use standard, legacy or single, the value of Hibernate's hibernate.id.db_structure_naming_strategy");
      }
    }
    LockFindings lockFindings = LockFindings.WARNING;
    String lockFindingsValue = options.get(LOCK_FINDINGS);
    if (lockFindingsValue != null) {
      Optional<LockFindings> parsed = LockFindings.fromOptionValue(lockFindingsValue);
      if (parsed.isPresent()) {
        lockFindings = parsed.get();
      } else {
        diagnostics.report(null, Message.INVALID_OPTION, LOCK_FINDINGS, lockFindingsValue, "use warning, note or off");
      }
    }
    Clock clock = Clock.systemUTC();
    String clockValue = options.get(CLOCK);
    if (clockValue != null) {
      try {
        clock = Clock.fixed(Instant.parse(clockValue.strip()), ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        diagnostics.report(
            null, Message.INVALID_OPTION, CLOCK, clockValue, "use an ISO-8601 instant such as 2026-11-21T15:30:00Z");
      }
    }
    if (diagnostics.errorCount() > errorsBefore) {
      return Optional.empty();
    }
    return Optional.of(new ProcessorOptions(
        mode, entities, migrationPackage, sourceDir, resourceDir, sequenceNaming, lockFindings, clock));
  }

  private static Optional<Path> directory(Map<String, String> options, String name, Diagnostics diagnostics) {
    String value = options.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value.isBlank()) {
      diagnostics.report(null, Message.INVALID_OPTION, name, value, "it is blank; name a directory");
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(value.strip()).toAbsolutePath().normalize());
    } catch (InvalidPathException e) {
      diagnostics.report(null, Message.INVALID_OPTION, name, value, e.getMessage());
      return Optional.empty();
    }
  }
}
