package dev.retort.spring;

import dev.retort.runtime.RetortException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a start-up that Retort stopped as Spring Boot's "APPLICATION FAILED TO START" block,
 * with Retort's message, which says what happened and what to do, as the description instead of
 * the last line of a stack trace. Registered in {@code META-INF/spring.factories}.
 */
public class RetortFailureAnalyzer extends AbstractFailureAnalyzer<RetortException> {

  /** Creates the analyzer; Spring Boot does. */
  public RetortFailureAnalyzer() {}

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, RetortException cause) {
    return new FailureAnalysis("Retort could not bring the database up to date (" + cause.code() + "):\n\n"
        + cause.getMessage(),
        "Do what the message says; the troubleshooting page of Retort's guide explains " + cause.code() + ".",
        cause);
  }
}
