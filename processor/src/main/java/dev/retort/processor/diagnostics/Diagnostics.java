package dev.retort.processor.diagnostics;

import java.util.Objects;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports {@link Message}s to javac, always on the element (and where there is one, the
 * annotation value) they are about, and counts errors so that later phases can skip code
 * generation after a problem instead of failing.
 */
public final class Diagnostics {

  private final Messager messager;
  private int errors;

  /**
   * Creates diagnostics writing to javac's messager.
   *
   * @param messager the processing environment's messager
   */
  public Diagnostics(Messager messager) {
    this.messager = Objects.requireNonNull(messager, "messager == null");
  }

  /**
   * Reports a message on an element.
   *
   * @param element the element the message is about; null only for messages about no element
   * @param message the message
   * @param args the message's arguments
   */
  public void report(Element element, Message message, Object... args) {
    count(message);
    if (element == null) {
      messager.printMessage(message.kind(), message.format(args));
    } else {
      messager.printMessage(message.kind(), message.format(args), element);
    }
  }

  /**
   * Reports a message on an annotation value of an element, so that javac points at the value.
   *
   * @param element the annotated element
   * @param annotation the annotation on it
   * @param value the value within the annotation, or null to point at the annotation
   * @param message the message
   * @param args the message's arguments
   */
  public void report(
      Element element, AnnotationMirror annotation, AnnotationValue value, Message message, Object... args) {
    count(message);
    if (value == null) {
      messager.printMessage(message.kind(), message.format(args), element, annotation);
    } else {
      messager.printMessage(message.kind(), message.format(args), element, annotation, value);
    }
  }

  /**
   * Reports a warning as a note, which {@code -Werror} does not turn into an error.
   *
   * @param element the element the message is about; null only for messages about no element
   * @param message the message, a warning
   * @param args the message's arguments
   * @throws IllegalArgumentException if the message is not a warning
   */
  public void note(Element element, Message message, Object... args) {
    if (message.kind() != Diagnostic.Kind.WARNING) {
      throw new IllegalArgumentException(message + " is a " + message.kind() + ", not a warning");
    }
    if (element == null) {
      messager.printMessage(Diagnostic.Kind.NOTE, message.format(args));
    } else {
      messager.printMessage(Diagnostic.Kind.NOTE, message.format(args), element);
    }
  }

  /** Whether any error has been reported. */
  public boolean hasErrors() {
    return errors > 0;
  }

  /** The number of errors reported so far. */
  public int errorCount() {
    return errors;
  }

  private void count(Message message) {
    if (message.kind() == Diagnostic.Kind.ERROR) {
      errors++;
    }
  }
}
