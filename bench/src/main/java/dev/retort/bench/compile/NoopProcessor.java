package dev.retort.bench.compile;

import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * An annotation processor that asks for the same annotations as Retort's and does nothing: what
 * javac's annotation processing costs before any processor does any work (javac prepares a
 * second round, entering every compilation unit again, even when no file is generated).
 */
public final class NoopProcessor extends AbstractProcessor {

  /** Creates the processor; javac calls it. */
  public NoopProcessor() {}

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("dev.retort.Table", "dev.retort.Revision");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    return false;
  }
}
