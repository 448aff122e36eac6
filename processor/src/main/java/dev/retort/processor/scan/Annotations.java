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
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Finds Retort's annotations on elements. A scan reads tens of thousands of annotations of a
 * handful of types, so each annotation type's name, attributes and defaults are looked up once,
 * when this finder first meets the type, rather than for every annotation and every attribute.
 *
 * <p>One finder serves one processing round: it holds the compiler's elements.
 */
final class Annotations {

  /** The annotation types met so far, by their element. */
  private final Map<Element, Type> types = new HashMap<>();

  /**
   * The annotation of that type on the element, if present. An annotation that lacks a required
   * attribute counts as absent: javac reports it, and a second message about it would be noise.
   *
   * @param element the element
   * @param type the qualified name of the annotation type, such as {@link Annotation#COLUMN}
   */
  Optional<Annotation> find(Element element, String type) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      Type found = type(mirror);
      if (found.qualifiedName().equals(type) && found.isComplete(mirror)) {
        return Optional.of(new Annotation(element, mirror, found));
      }
    }
    return Optional.empty();
  }

  /**
   * Every annotation of a repeatable type on the element, whether written once (present directly)
   * or several times (held by its {@code List} container), in source order; those lacking a
   * required attribute are left out, as in {@link #find}.
   *
   * @param element the element
   * @param type the qualified name of the annotation type, such as {@link Annotation#INDEX}
   */
  List<Annotation> findRepeated(Element element, String type) {
    List<Annotation> found = new ArrayList<>();
    String container = type + ".List";
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      Type mirrored = type(mirror);
      if (mirrored.qualifiedName().equals(type) && mirrored.isComplete(mirror)) {
        found.add(new Annotation(element, mirror, mirrored));
      } else if (mirrored.qualifiedName().equals(container)) {
        for (AnnotationValue item : new Annotation(element, mirror, mirrored).list("value")) {
          if (item.getValue() instanceof AnnotationMirror repeated) {
            Type repeatedType = type(repeated);
            if (repeatedType.isComplete(repeated)) {
              found.add(new Annotation(element, repeated, repeatedType));
            }
          }
        }
      }
    }
    return found;
  }

  /**
   * The annotations an annotation holds in an attribute, such as the {@code @Index} items of JPA's
   * {@code @Table(indexes)}, as annotations on the same element; a single annotation or an array.
   *
   * @param outer the annotation holding them
   * @param attribute the attribute
   */
  List<Annotation> nested(Annotation outer, String attribute) {
    List<Annotation> found = new ArrayList<>();
    Optional<AnnotationMirror> single = outer.annotation(attribute);
    if (single.isPresent()) {
      found.add(new Annotation(outer.element(), single.get(), type(single.get())));
    }
    for (AnnotationValue item : outer.list(attribute)) {
      if (item.getValue() instanceof AnnotationMirror mirror) {
        found.add(new Annotation(outer.element(), mirror, type(mirror)));
      }
    }
    return found;
  }

  private Type type(AnnotationMirror mirror) {
    return types.computeIfAbsent(mirror.getAnnotationType().asElement(), e -> new Type((TypeElement) e));
  }

  /** An annotation type: its names, and its attributes once asked for. */
  static final class Type {

    private final TypeElement element;
    private final String qualifiedName;
    /** The attributes by name; read when first needed, since most annotations met are not Retort's. */
    private Map<String, ExecutableElement> attributes;
    /** How many attributes have no default. */
    private int required;

    Type(TypeElement element) {
      this.element = element;
      this.qualifiedName = element.getQualifiedName().toString();
    }

    String qualifiedName() {
      return qualifiedName;
    }

    String simpleName() {
      return element.getSimpleName().toString();
    }

    /** The default of an attribute, or null if it has none (or there is no such attribute). */
    AnnotationValue defaultValue(String attribute) {
      ExecutableElement method = attributes().get(attribute);
      return method == null ? null : method.getDefaultValue();
    }

    /** Whether every attribute without a default has a value in the annotation. */
    boolean isComplete(AnnotationMirror mirror) {
      attributes();
      if (required == 0) {
        return true;
      }
      int written = 0;
      for (ExecutableElement attribute : mirror.getElementValues().keySet()) {
        ExecutableElement method = attributes().get(attribute.getSimpleName().toString());
        if (method != null && method.getDefaultValue() == null) {
          written++;
        }
      }
      return written == required;
    }

    private Map<String, ExecutableElement> attributes() {
      if (attributes == null) {
        attributes = new HashMap<>();
        for (ExecutableElement method : ElementFilter.methodsIn(element.getEnclosedElements())) {
          attributes.put(method.getSimpleName().toString(), method);
          if (method.getDefaultValue() == null) {
            required++;
          }
        }
      }
      return attributes;
    }
  }
}
