package dev.retort.processor;

import com.google.auto.service.AutoService;
import dev.retort.Revision;
import dev.retort.Sequence;
import dev.retort.Table;
import dev.retort.View;
import dev.retort.processor.diagnostics.Diagnostics;
import dev.retort.processor.diagnostics.Message;
import dev.retort.processor.options.EntitySource;
import dev.retort.processor.options.ProcessorOptions;
import dev.retort.processor.scan.UnresolvedEntities;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * The Retort annotation processor: compares the schema the {@code @Table} entities declare
 * with the committed head revision and writes the difference as a new migration into the
 * source tree; in check mode it fails the compilation instead. It also emits the revision
 * index the runtime reads. The options are described on {@link ProcessorOptions}.
 *
 * <p>The processor runs once per compilation, in the first round that holds entities or
 * revisions and whose entities name no class javac has yet to resolve (see {@link
 * UnresolvedEntities}). The migration it writes is compiled in the next round; the index, written
 * in the same round, already lists it. Registered for Gradle as an aggregating processor: its output
 * depends on all entities and revisions together.
 */
@AutoService(Processor.class)
public final class RetortProcessor extends AbstractProcessor {

  private boolean processed;
  /** The entities and revisions seen while an entity named a class javac had not resolved. */
  private final Set<String> waitingEntities = new TreeSet<>();
  private final Set<String> waitingRevisions = new TreeSet<>();

  /** Creates the processor; javac calls this through the service registration. */
  public RetortProcessor() {}

  /**
   * Every annotation of package {@code dev.retort}: they are Retort's alone, so the processor
   * claims them, and javac's {@code -Xlint:processing} has nothing to warn about. With {@code
   * -Aretort.entities=jpa} (or a value it cannot use, which it then reports) also JPA's {@code
   * @Entity}, which it reads but does not claim (see {@link #process}).
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> supported = new TreeSet<>();
    supported.add(Table.class.getPackageName() + ".*");
    if (entitySource() == EntitySource.JPA || invalidEntitySource()) {
      supported.addAll(EntitySource.JPA.annotations());
    }
    return supported;
  }

  /** Retort's options, and kapt's {@value Kapt#GENERATED_KOTLIN_OPTION}, which tells it kapt runs it. */
  @Override
  public Set<String> getSupportedOptions() {
    Set<String> options = new TreeSet<>(ProcessorOptions.NAMES);
    options.add(Kapt.GENERATED_KOTLIN_OPTION);
    return options;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  /**
   * Runs the pipeline in the first round that holds entities or revisions, unless an entity names a
   * class javac has not resolved: then it waits for the next round, in which another processor may
   * have generated the class, keeping the names of what it has seen. In the last round it writes
   * nothing, since javac then reports the missing class.
   *
   * <p>Reading JPA entities, it also takes the round's {@code @Table} classes, so that the scanner
   * reports them rather than leave them out unseen. It claims Retort's annotations only: JPA's
   * belong to other processors too (Hibernate's metamodel generator).
   */
  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    boolean claim = annotations.stream()
        .allMatch(a -> a.getQualifiedName().toString().startsWith(Table.class.getPackageName() + "."));
    EntitySource source = entitySource();
    List<String> entityAnnotations = new ArrayList<>(source.annotations());
    if (source != EntitySource.RETORT) {
      entityAnnotations.addAll(EntitySource.RETORT.annotations());
    }
    reportSequencesOffEntities(round, source, entityAnnotations);
    if (processed) {
      return claim;
    }
    // A view's type is scanned with the entities, whatever they are read from.
    List<String> scanned = new ArrayList<>(entityAnnotations);
    scanned.add(View.class.getName());
    List<TypeElement> entities = sortedTypes(waitingEntities, round, scanned);
    List<TypeElement> revisions = sortedTypes(waitingRevisions, round, List.of(Revision.class.getName()));
    if (entities.isEmpty() && revisions.isEmpty() && !invalidEntitySource()) {
      return claim;
    }
    if (round.processingOver()) {
      processed = true;
      return claim;
    }
    if (new UnresolvedEntities(processingEnv).find(entities).isPresent()) {
      entities.forEach(type -> waitingEntities.add(type.getQualifiedName().toString()));
      revisions.forEach(type -> waitingRevisions.add(type.getQualifiedName().toString()));
      return claim;
    }
    processed = true;
    new Pipeline(processingEnv).run(entities, revisions);
    return claim;
  }

  /**
   * Reports a {@code @Sequence} on a type that is not an entity: the scan reads sequences from
   * entities only, so it would declare nothing.
   *
   * @param source where entities come from, for the message
   * @param entityAnnotations the qualified names of the annotations that make a type an entity
   */
  private void reportSequencesOffEntities(RoundEnvironment round, EntitySource source,
      List<String> entityAnnotations) {
    Map<String, TypeElement> annotated = new TreeMap<>();
    for (Class<? extends Annotation> annotation : List.of(Sequence.class, Sequence.List.class)) {
      for (TypeElement type : ElementFilter.typesIn(round.getElementsAnnotatedWith(annotation))) {
        annotated.put(type.getQualifiedName().toString(), type);
      }
    }
    Diagnostics diagnostics = new Diagnostics(processingEnv.getMessager());
    for (TypeElement type : annotated.values()) {
      boolean entity = type.getAnnotationMirrors().stream().anyMatch(mirror -> entityAnnotations.contains(
          ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString()));
      if (!entity) {
        String annotation = source.annotations().get(0);
        diagnostics.report(type, Message.SEQUENCE_NOT_ON_ENTITY, type.getQualifiedName(),
            "@" + annotation.substring(annotation.lastIndexOf('.') + 1));
      }
    }
  }

  /** The entity source the options choose; the default for a value the pipeline will report. */
  private EntitySource entitySource() {
    String value = processingEnv.getOptions().get(ProcessorOptions.ENTITIES);
    return value == null ? EntitySource.RETORT : EntitySource.fromOptionValue(value).orElse(EntitySource.RETORT);
  }

  /**
   * Whether the entity source option has a value the processor cannot use: then the pipeline runs
   * even without entities, to report it, since the entities it was meant to find are not found.
   */
  private boolean invalidEntitySource() {
    String value = processingEnv.getOptions().get(ProcessorOptions.ENTITIES);
    return value != null && EntitySource.fromOptionValue(value).isEmpty();
  }

  /**
   * The types of an earlier round that waited, and this round's, by qualified name.
   *
   * @param annotations the qualified names of the annotations; those not on the class path are
   *     skipped
   */
  private List<TypeElement> sortedTypes(Set<String> waiting, RoundEnvironment round, List<String> annotations) {
    Map<String, TypeElement> types = new TreeMap<>();
    for (String name : waiting) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        types.put(name, type);
      }
    }
    for (String annotation : annotations) {
      TypeElement annotationType = processingEnv.getElementUtils().getTypeElement(annotation);
      if (annotationType == null) {
        continue;
      }
      for (TypeElement type : ElementFilter.typesIn(round.getElementsAnnotatedWith(annotationType))) {
        types.put(type.getQualifiedName().toString(), type);
      }
    }
    return new ArrayList<>(types.values());
  }
}
