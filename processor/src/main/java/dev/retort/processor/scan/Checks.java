package dev.retort.processor.scan;

import dev.retort.model.SchemaException;
import dev.retort.processor.diagnostics.Message;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javax.lang.model.element.Element;

/**
 * The checks that both the entity reader and the schema assembler apply to names and model records.
 */
final class Checks {

  private final Reporter reporter;

  Checks(Reporter reporter) {
    this.reporter = reporter;
  }

  /**
   * Checks a name written in an annotation.
   *
   * @param annotation the annotation
   * @param attribute the attribute holding the name
   * @param name the name
   * @param label the annotated member or entity, for the message
   * @return true if the name is usable; false after reporting why not
   */
  boolean name(Annotation annotation, String attribute, String name, String label) {
    String problem;
    int outsideBmp = name.codePoints().filter(c -> c > 0xFFFF).findFirst().orElse(-1);
    if (name.isBlank()) {
      problem = "it is blank; write the name";
    } else if (!name.strip().equals(name)) {
      problem = "it has white space at the start or end; remove it";
    } else if (name.indexOf('\0') >= 0) {
      problem = "it holds the character U+0000, which no database takes in a name; remove it";
    } else if (outsideBmp >= 0) {
      String code = Integer.toHexString(outsideBmp).toUpperCase(Locale.ROOT);
      problem = "it holds " + Character.toString(outsideBmp) + " (U+" + code + "), a character outside"
          + " Unicode's Basic Multilingual Plane, which MariaDB and MySQL do not take in names; remove it";
    } else {
      return true;
    }
    reporter.report(
        annotation,
        attribute,
        Message.INVALID_NAME,
        "@" + annotation.simpleName() + "(" + attribute + " = \"" + name + "\")",
        label,
        problem);
    return false;
  }

  /**
   * Checks a table or column comment against what the databases keep: at most {@code max}
   * characters (MariaDB and MySQL refuse a longer one), no U+0000 (PostgreSQL refuses it, MariaDB
   * changes the comment), none outside Unicode's Basic Multilingual Plane (MariaDB stores each
   * such character as {@code ?}, without a warning).
   *
   * @param annotation the {@code @Table} or {@code @Column} holding the comment
   * @param comment the comment, not empty
   * @param label the annotated entity or member, for the message
   * @param kind "table" or "column"
   * @param max the most characters the databases keep in such a comment
   * @return true if the comment is usable; false after reporting why not
   */
  boolean comment(Annotation annotation, String comment, String label, String kind, int max) {
    String problem;
    int characters = comment.codePointCount(0, comment.length());
    int outsideBmp = comment.codePoints().filter(c -> c > 0xFFFF).findFirst().orElse(-1);
    if (characters > max) {
      problem = "is " + characters + " characters long; MariaDB and MySQL keep at most " + max + " in a " + kind
          + " comment and refuse a longer one: shorten it";
    } else if (comment.indexOf('\0') >= 0) {
      problem = "holds the character U+0000, which PostgreSQL refuses in text and MariaDB does not keep: remove it";
    } else if (outsideBmp >= 0) {
      String code = Integer.toHexString(outsideBmp).toUpperCase(Locale.ROOT);
      problem = "holds " + Character.toString(outsideBmp) + " (U+" + code + "), a character outside Unicode's"
          + " Basic Multilingual Plane, which MariaDB stores as ? without a warning, after which the database"
          + " would not match the model: remove it";
    } else {
      return true;
    }
    reporter.report(
        annotation, "comment", Message.INVALID_COMMENT, "@" + annotation.simpleName() + "(comment)", label, problem);
    return false;
  }

  /**
   * Checks that an identifier fits PostgreSQL's limit.
   *
   * @param what what the identifier names ("column name")
   * @param identifier the identifier
   * @param element the element to report on
   * @param annotation the annotation to report on, or null for the element
   * @param attribute the attribute to report on, or null for the whole annotation
   * @param fix how to fix it
   */
  void length(
      String what,
      String identifier,
      Element element,
      Annotation annotation,
      String attribute,
      String fix) {
    int bytes = SqlNames.identifierBytes(identifier);
    if (bytes > SqlNames.MAX_IDENTIFIER_BYTES) {
      reporter.report(
          element,
          annotation,
          attribute,
          Message.IDENTIFIER_TOO_LONG,
          what,
          identifier,
          bytes,
          fix);
    }
  }

  /**
   * Builds a model record, reporting a validation failure on the element instead of throwing: the
   * model's own rules are the last line of defence behind the specific checks.
   *
   * @param element the element declaring what is built
   * @param label the element, for the message
   * @param builder creates the record
   * @return the record, or empty after reporting
   */
  <T> Optional<T> build(Element element, String label, Supplier<T> builder) {
    try {
      return Optional.of(builder.get());
    } catch (IllegalArgumentException | SchemaException e) {
      reporter.report(element, Message.INVALID_MODEL, label, e.getMessage());
      return Optional.empty();
    }
  }
}
