package dev.retort.processor.revision;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;

/**
 * Tells a Markdown documentation comment ({@code ///}, JDK 23 and newer) from a traditional one.
 * The processor is compiled for Java 17, whose {@link Elements} has no {@code getDocCommentKind}, so
 * the method is looked up by reflection; on a JDK without it every documentation comment is
 * traditional, since javac before 23 reads {@code ///} comments as plain comments.
 */
final class DocCommentKinds {

  private static final Optional<Method> GET_DOC_COMMENT_KIND = lookUp();

  private DocCommentKinds() {}

  /**
   * Whether the documentation comment of an element is Markdown.
   *
   * @param elements the compiler's element utilities
   * @param element an element with a documentation comment
   * @return true for a {@code ///} comment read by javac 23 or newer
   */
  static boolean isMarkdown(Elements elements, Element element) {
    if (GET_DOC_COMMENT_KIND.isEmpty()) {
      return false;
    }
    Object kind;
    try {
      kind = GET_DOC_COMMENT_KIND.get().invoke(elements, element);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Elements.getDocCommentKind is public, but could not be called", e);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    }
    // Elements.DocCommentKind.END_OF_LINE; null when there is no comment (or from an Elements written before 23).
    return kind instanceof Enum<?> constant && constant.name().equals("END_OF_LINE");
  }

  private static Optional<Method> lookUp() {
    try {
      return Optional.of(Elements.class.getMethod("getDocCommentKind", Element.class));
    } catch (NoSuchMethodException e) {
      return Optional.empty();
    }
  }
}
