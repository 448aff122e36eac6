package dev.retort.processor.scan;

import dev.retort.model.RenameHints;
import dev.retort.model.SchemaModel;
import dev.retort.processor.diagnostics.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * A test-only processor that runs {@link EntityScanner} on the {@code @Table} elements of the
 * first round (in source order) and, when given a head schema, {@link EntityScanner#checkRenames}
 * against it, keeping the results for assertions.
 */
final class ScanningProcessor extends AbstractProcessor {

  private final SchemaModel head;
  private ScanResult result;
  private RenameHints checkedHints;

  /** Scans without checking renames. */
  ScanningProcessor() {
    this(null);
  }

  /** Scans and checks the renames against {@code head}. */
  ScanningProcessor(SchemaModel head) {
    this.head = head;
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("dev.retort.Table");
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
    TypeElement table = processingEnv.getElementUtils().getTypeElement("dev.retort.Table");
    List<Element> elements = new ArrayList<>(round.getElementsAnnotatedWith(table));
    EntityScanner scanner = new EntityScanner(processingEnv, new Diagnostics(processingEnv.getMessager()));
    result = scanner.scan(elements);
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
