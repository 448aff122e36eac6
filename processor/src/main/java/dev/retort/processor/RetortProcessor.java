package dev.retort.processor;

import com.google.auto.service.AutoService;
import dev.retort.Revision;
import dev.retort.Table;
import dev.retort.processor.options.ProcessorOptions;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
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
 * revisions. The migration it writes is compiled in the next round; the index, written in the
 * same round, already lists it. Registered for Gradle as an aggregating processor: its output
 * depends on all entities and revisions together.
 */
@AutoService(Processor.class)
public final class RetortProcessor extends AbstractProcessor {

  private boolean processed;

  /** Creates the processor; javac calls this through the service registration. */
  public RetortProcessor() {}

  /**
   * Every annotation of package {@code dev.retort}: they are Retort's alone, so the processor
   * claims them, and javac's {@code -Xlint:processing} has nothing to warn about.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Table.class.getPackageName() + ".*");
  }

  @Override
  public Set<String> getSupportedOptions() {
    return ProcessorOptions.NAMES;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (processed || round.processingOver()) {
      return true;
    }
    List<TypeElement> entities = sortedTypes(round, Table.class);
    List<TypeElement> revisions = sortedTypes(round, Revision.class);
    if (!entities.isEmpty() || !revisions.isEmpty()) {
      processed = true;
      new Pipeline(processingEnv).run(entities, revisions);
    }
    return true;
  }

  private static List<TypeElement> sortedTypes(RoundEnvironment round, Class<? extends Annotation> annotation) {
    List<TypeElement> types = new ArrayList<>(ElementFilter.typesIn(round.getElementsAnnotatedWith(annotation)));
    types.sort(Comparator.comparing(type -> type.getQualifiedName().toString()));
    return types;
  }
}
