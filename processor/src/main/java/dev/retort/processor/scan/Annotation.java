package dev.retort.processor.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * One Retort annotation on one element, read through its mirror.
 *
 * <p>Retort's annotations have class retention and {@code @References} holds a class, so they are
 * read as mirrors rather than through reflection; the mirror and its values are also what
 * diagnostics point at.
 *
 * @param element the annotated element
 * @param mirror the annotation
 */
record Annotation(Element element, AnnotationMirror mirror) {

  static final String TABLE = "dev.retort.Table";
  static final String COLUMN = "dev.retort.Column";
  static final String ID = "dev.retort.Id";
  static final String INDEX = "dev.retort.Index";
  static final String CHECK = "dev.retort.Check";
  static final String REFERENCES = "dev.retort.References";
  static final String RENAMED_FROM = "dev.retort.RenamedFrom";
  static final String TRANSIENT = "dev.retort.Transient";

  /** The annotations that map a member to a column, in the order messages mention them. */
  static final List<String> MEMBER_ANNOTATIONS = List.of(COLUMN, ID, REFERENCES, RENAMED_FROM);

  /**
   * The annotation of that type on the element, if present. An annotation that lacks a required
   * attribute counts as absent: javac reports it, and a second message about it would be noise.
   */
  static Optional<Annotation> find(Element element, String type) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (typeName(mirror).equals(type) && isComplete(mirror)) {
        return Optional.of(new Annotation(element, mirror));
      }
    }
    return Optional.empty();
  }

  /**
   * Every annotation of a repeatable type on the element, whether written once (present directly)
   * or several times (held by its {@code List} container), in source order; those lacking a
   * required attribute are left out, as in {@link #find}.
   */
  static List<Annotation> findRepeated(Element element, String type) {
    List<Annotation> found = new ArrayList<>();
    String container = type + ".List";
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      String name = typeName(mirror);
      if (name.equals(type) && isComplete(mirror)) {
        found.add(new Annotation(element, mirror));
      } else if (name.equals(container)) {
        Annotation list = new Annotation(element, mirror);
        for (AnnotationValue item : list.list("value")) {
          if (item.getValue() instanceof AnnotationMirror repeated && isComplete(repeated)) {
            found.add(new Annotation(element, repeated));
          }
        }
      }
    }
    return found;
  }

  /** The simple name of the annotation type, such as {@code Column}. */
  String simpleName() {
    return mirror.getAnnotationType().asElement().getSimpleName().toString();
  }

  /** The value written for an attribute, or null when the attribute has its default. */
  AnnotationValue explicit(String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(attribute)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /** A string attribute, with its default applied; empty if javac could not read it. */
  String string(String attribute) {
    return value(attribute) instanceof String string ? string : "";
  }

  /** An int attribute, with its default applied; 0 if javac could not read it. */
  int integer(String attribute) {
    return value(attribute) instanceof Integer integer ? integer : 0;
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
    return value(attribute) instanceof TypeMirror type ? Optional.of(type) : Optional.empty();
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
  private List<AnnotationValue> list(String attribute) {
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
    AnnotationValue written = explicit(attribute);
    if (written != null) {
      return written.getValue();
    }
    TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (method.getSimpleName().contentEquals(attribute) && method.getDefaultValue() != null) {
        return method.getDefaultValue().getValue();
      }
    }
    return null;
  }

  /** Whether every attribute without a default has a value. */
  private static boolean isComplete(AnnotationMirror mirror) {
    TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (method.getDefaultValue() == null
          && mirror.getElementValues().keySet().stream()
              .noneMatch(written -> written.getSimpleName().equals(method.getSimpleName()))) {
        return false;
      }
    }
    return true;
  }

  private static String typeName(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }
}
