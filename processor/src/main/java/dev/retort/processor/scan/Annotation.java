package dev.retort.processor.scan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * One Retort annotation on one element, read through its mirror; found by {@link Annotations}.
 *
 * <p>Retort's annotations have class retention and {@code @References} holds a class, so they are
 * read as mirrors rather than through reflection; the mirror and its values are also what
 * diagnostics point at.
 */
final class Annotation {

  static final String TABLE = "dev.retort.Table";
  static final String COLUMN = "dev.retort.Column";
  static final String ID = "dev.retort.Id";
  static final String INDEX = "dev.retort.Index";
  static final String UNIQUE = "dev.retort.Unique";
  static final String CHECK = "dev.retort.Check";
  static final String REFERENCES = "dev.retort.References";
  static final String FOREIGN_KEY = "dev.retort.ForeignKey";
  static final String RENAMED_FROM = "dev.retort.RenamedFrom";
  static final String TRANSIENT = "dev.retort.Transient";
  static final String SEQUENCE = "dev.retort.Sequence";
  static final String VIEW = "dev.retort.View";
  /** Hibernate's own {@code @View(query)}, read as Retort's {@code @View} on a JPA entity. */
  static final String HIBERNATE_VIEW = "org.hibernate.annotations.View";
  /** Hibernate's {@code @ColumnDefault(sql)}, read as the column's default on a JPA entity. */
  static final String HIBERNATE_COLUMN_DEFAULT = "org.hibernate.annotations.ColumnDefault";

  /** The annotations that map a member to a column, in the order messages mention them. */
  static final List<String> MEMBER_ANNOTATIONS = List.of(COLUMN, ID, REFERENCES, RENAMED_FROM);

  private final Element element;
  private final AnnotationMirror mirror;
  private final Annotations.Type annotationType;
  /** The values written, by attribute name; read when first needed. */
  private Map<String, AnnotationValue> written;

  /**
   * Reads an annotation.
   *
   * @param element the annotated element
   * @param mirror the annotation
   * @param type the annotation's type
   */
  Annotation(Element element, AnnotationMirror mirror, Annotations.Type type) {
    this.element = element;
    this.mirror = mirror;
    this.annotationType = type;
  }

  /** The annotated element. */
  Element element() {
    return element;
  }

  /** The annotation. */
  AnnotationMirror mirror() {
    return mirror;
  }

  /** The simple name of the annotation type, such as {@code Column}. */
  String simpleName() {
    return annotationType.simpleName();
  }

  /** The value written for an attribute, or null when the attribute has its default. */
  AnnotationValue explicit(String attribute) {
    if (written == null) {
      Map<? extends ExecutableElement, ? extends AnnotationValue> values = mirror.getElementValues();
      written = new HashMap<>(values.size() * 2);
      values.forEach((name, value) -> written.put(name.getSimpleName().toString(), value));
    }
    return written.get(attribute);
  }

  /** A string attribute, with its default applied; empty if javac could not read it. */
  String string(String attribute) {
    return value(attribute) instanceof String string ? string : "";
  }

  /** An int attribute, with its default applied; 0 if javac could not read it. */
  int integer(String attribute) {
    return value(attribute) instanceof Integer integer ? integer : 0;
  }

  /** A long attribute, with its default applied; 0 if javac could not read it. */
  long longInteger(String attribute) {
    return value(attribute) instanceof Long number ? number : 0;
  }

  /** A boolean attribute, with its default applied; false if javac could not read it. */
  boolean bool(String attribute) {
    return value(attribute) instanceof Boolean bool && bool;
  }

  /**
   * The constant name of an enum attribute, with its default applied; empty if javac could not read
   * it.
   */
  Optional<String> enumConstant(String attribute) {
    return value(attribute) instanceof VariableElement constant
        ? Optional.of(constant.getSimpleName().toString())
        : Optional.empty();
  }

  /** A class attribute; empty for a class javac could not resolve (javac reports that itself). */
  Optional<TypeMirror> type(String attribute) {
    return value(attribute) instanceof TypeMirror mirrored ? Optional.of(mirrored) : Optional.empty();
  }

  /** An annotation-valued attribute, with its default applied; empty if javac could not read it. */
  Optional<AnnotationMirror> annotation(String attribute) {
    return value(attribute) instanceof AnnotationMirror nested ? Optional.of(nested) : Optional.empty();
  }

  /** A string array attribute, with its default applied. */
  List<String> strings(String attribute) {
    List<String> strings = new ArrayList<>();
    for (AnnotationValue item : list(attribute)) {
      if (item.getValue() instanceof String string) {
        strings.add(string);
      }
    }
    return strings;
  }

  /** The items of an array attribute; a single value written without braces is one item. */
  List<AnnotationValue> list(String attribute) {
    List<AnnotationValue> items = new ArrayList<>();
    Object value = value(attribute);
    if (value instanceof List<?> list) {
      for (Object item : list) {
        items.add((AnnotationValue) item);
      }
    }
    return items;
  }

  /**
   * The value of an attribute: as written, else its default. Null when there is neither, which
   * happens only for source javac has already reported (a missing required attribute).
   */
  private Object value(String attribute) {
    AnnotationValue value = explicit(attribute);
    if (value == null) {
      value = annotationType.defaultValue(attribute);
    }
    return value == null ? null : value.getValue();
  }
}
