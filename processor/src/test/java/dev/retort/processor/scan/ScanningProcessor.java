package dev.retort.processor.scan;

import dev.retort.model.RenameHints;
import dev.retort.model.SchemaModel;
import dev.retort.processor.diagnostics.Diagnostics;
import dev.retort.processor.options.EntitySource;
import dev.retort.processor.options.SequenceNaming;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * A test-only processor that runs {@link EntityScanner} on the {@code @Table} elements of the
 * first round (in source order), or on its JPA {@code @Entity} elements and {@code @Table} ones, with
 * the {@code @View} types,
 * and, when given a head schema, {@link EntityScanner#checkRenames} against it, keeping the results for assertions.
 */
final class ScanningProcessor extends AbstractProcessor {

  private final SchemaModel head;
  private final EntitySource source;
  private final SequenceNaming sequenceNaming;
  private ScanResult result;
  private RenameHints checkedHints;

  /** Scans without checking renames. */
  ScanningProcessor() {
    this((SchemaModel) null);
  }

  /** Scans and checks the renames against {@code head}. */
  ScanningProcessor(SchemaModel head) {
    this(head, EntitySource.RETORT);
  }

  /** Scans the entities of a source, and the {@code @Table} elements too, without checking renames. */
  ScanningProcessor(EntitySource source) {
    this(null, source);
  }

  /** Scans JPA entities, whose keys without a generator take sequences named as {@code sequenceNaming} says. */
  ScanningProcessor(SequenceNaming sequenceNaming) {
    this(null, EntitySource.JPA, sequenceNaming);
  }

  private ScanningProcessor(SchemaModel head, EntitySource source) {
    this(head, source, SequenceNaming.STANDARD);
  }

  private ScanningProcessor(SchemaModel head, EntitySource source, SequenceNaming sequenceNaming) {
    this.head = head;
    this.source = source;
    this.sequenceNaming = sequenceNaming;
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("dev.retort.Table", "dev.retort.View", "jakarta.persistence.Entity", "javax.persistence.Entity");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (result != null || round.processingOver()) {
      return false;
    }
    List<Element> elements = new ArrayList<>();
    Set<String> entityAnnotations = new LinkedHashSet<>(source.annotations());
    entityAnnotations.addAll(EntitySource.RETORT.annotations());
    entityAnnotations.add("dev.retort.View");
    for (String name : entityAnnotations) {
      TypeElement annotation = processingEnv.getElementUtils().getTypeElement(name);
      if (annotation != null) {
        round.getElementsAnnotatedWith(annotation).stream().filter(e -> !elements.contains(e)).forEach(elements::add);
      }
    }
    EntityScanner scanner = new EntityScanner(processingEnv, new Diagnostics(processingEnv.getMessager()));
    result = scanner.scan(elements, source, sequenceNaming);
    if (head != null) {
      checkedHints = scanner.checkRenames(result, head);
    }
    return false;
  }

  /** The scan result; fails if the processor did not run. */
  ScanResult result() {
    if (result == null) {
      throw new IllegalStateException("the processor did not run");
    }
    return result;
  }

  /** The hints that {@link EntityScanner#checkRenames} kept. */
  RenameHints checkedHints() {
    if (checkedHints == null) {
      throw new IllegalStateException("no head schema was given, so renames were not checked");
    }
    return checkedHints;
  }
}
