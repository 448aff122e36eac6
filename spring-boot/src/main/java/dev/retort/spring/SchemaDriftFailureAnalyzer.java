package dev.retort.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a start-up stopped by {@code retort.check-on-start} with the list of differences.
 * Registered in {@code META-INF/spring.factories}.
 */
public class SchemaDriftFailureAnalyzer extends AbstractFailureAnalyzer<SchemaDriftException> {

  /** Creates the analyzer; Spring Boot does. */
  public SchemaDriftFailureAnalyzer() {}

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, SchemaDriftException cause) {
    String message = cause.getMessage();
    int advice = message.lastIndexOf('\n');
    return new FailureAnalysis(message.substring(0, advice), message.substring(advice + 1), cause);
  }
}
