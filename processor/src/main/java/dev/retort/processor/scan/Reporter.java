package dev.retort.processor.scan;

import dev.retort.processor.diagnostics.Diagnostics;
import dev.retort.processor.diagnostics.Message;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Reports scan problems through {@link Diagnostics}, each at most once: a base class is read again
 * for every entity extending it, and its problems should still be reported once, on the base class.
 */
final class Reporter {

  private final Diagnostics diagnostics;
  private final int errorsBefore;
  private final Set<Object> reported = new HashSet<>();

  Reporter(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.errorsBefore = diagnostics.errorCount();
  }

  /** Reports a message on an element. */
  void report(Element element, Message message, Object... args) {
    if (reported.add(Arrays.asList(element, message, message.format(args)))) {
      diagnostics.report(element, message, args);
    }
  }

  /**
   * Reports a message on an annotation: on the value of {@code attribute} when it was written, else
   * on the annotation as a whole.
   *
   * @param annotation the annotation
   * @param attribute the attribute the message is about, or null for the whole annotation
   */
  void report(Annotation annotation, String attribute, Message message, Object... args) {
    AnnotationValue value = attribute == null ? null : annotation.explicit(attribute);
    if (reported.add(
        Arrays.asList(
            annotation.element(), annotation.mirror(), value, message, message.format(args)))) {
      diagnostics.report(annotation.element(), annotation.mirror(), value, message, args);
    }
  }

  /**
   * Reports a message on an annotation value when there is an annotation, else on the element.
   *
   * @param element the element the message is about
   * @param annotation the annotation on it, or null
   * @param attribute the attribute the message is about, or null for the whole annotation
   */
  void report(
      Element element, Annotation annotation, String attribute, Message message, Object... args) {
    if (annotation == null) {
      report(element, message, args);
    } else {
      report(annotation, attribute, message, args);
    }
  }

  /** Whether this reporter has reported an error (errors of earlier phases do not count). */
  boolean hasErrors() {
    return diagnostics.errorCount() > errorsBefore;
  }
}
