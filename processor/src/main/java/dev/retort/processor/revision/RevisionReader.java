package dev.retort.processor.revision;

import com.palantir.javapoet.ClassName;
import dev.retort.index.RevisionIdRule;
import dev.retort.processor.diagnostics.Diagnostics;
import dev.retort.processor.diagnostics.Message;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads the {@code @Revision} classes of a compilation into a {@link RevisionGraph}, reporting
 * each problem on the class (and annotation value) it is about. Annotation values are read
 * through mirrors, so the classes need not be compiled yet.
 */
public final class RevisionReader {

  private static final String REVISION = "dev.retort.Revision";
  private static final String MIGRATION = "dev.retort.Migration";

  private final Elements elements;
  private final Types types;
  private final Diagnostics diagnostics;
  private final String suggestedId;

  /**
   * Creates a reader.
   *
   * @param elements the element utilities
   * @param types the type utilities
   * @param diagnostics where problems are reported
   * @param suggestedId an unused id to suggest in messages, such as the id a new revision would get
   */
  public RevisionReader(Elements elements, Types types, Diagnostics diagnostics, String suggestedId) {
    this.elements = Objects.requireNonNull(elements, "elements == null");
    this.types = Objects.requireNonNull(types, "types == null");
    this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics == null");
    this.suggestedId = Objects.requireNonNull(suggestedId, "suggestedId == null");
  }

  /**
   * Reads the revisions.
   *
   * @param revisionElements the elements annotated {@code @Revision}
   * @return the history, or empty after reporting why there is none
   */
  public Optional<Revisions> read(Collection<? extends Element> revisionElements) {
    int errorsBefore = diagnostics.errorCount();
    List<Declared> declared = new ArrayList<>();
    for (Element element : revisionElements) {
      if (element instanceof TypeElement type) {
        declare(type).ifPresent(declared::add);
      }
    }
    Map<RevisionNode, Declared> byNode = new HashMap<>();
    declared.forEach(d -> byNode.put(d.node(), d));
    RevisionGraph.Check check = RevisionGraph.check(byNode.keySet());
    check.problems().forEach(problem -> report(problem, byNode));
    if (diagnostics.errorCount() > errorsBefore || check.graph().isEmpty()) {
      return Optional.empty();
    }
    Map<String, TypeElement> types = new HashMap<>();
    declared.forEach(d -> types.put(d.node().id(), d.type()));
    return Optional.of(new Revisions(check.graph().get(), types));
  }

  private Optional<Declared> declare(TypeElement type) {
    Optional<AnnotationMirror> found = revisionAnnotation(type);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    AnnotationMirror annotation = found.get();
    AnnotationValue idValue = null;
    AnnotationValue parentValue = null;
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        elements.getElementValuesWithDefaults(annotation).entrySet()) {
      String name = entry.getKey().getSimpleName().toString();
      if (name.equals("id")) {
        idValue = entry.getValue();
      } else if (name.equals("parent")) {
        parentValue = entry.getValue();
      }
    }
    checkClass(type);
    String id = idValue != null && idValue.getValue() instanceof String s ? s : "";
    if (id.isBlank()) {
      diagnostics.report(type, annotation, idValue, Message.REVISION_BLANK_ID, type.getSimpleName(), suggestedId);
      return Optional.empty();
    }
    Optional<String> unusable = RevisionIdRule.problem(id);
    if (unusable.isPresent()) {
      diagnostics.report(
          type, annotation, idValue, Message.REVISION_UNUSABLE_ID, type.getSimpleName(), id, unusable.get(),
          suggestedId);
    }
    Set<String> parents = new LinkedHashSet<>();
    if (parentValue != null && parentValue.getValue() instanceof List<?> values) {
      for (Object value : values) {
        if (value instanceof AnnotationValue element && element.getValue() instanceof String parent) {
          if (!parents.add(parent)) {
            diagnostics.report(
                type, annotation, element, Message.REVISION_REPEATED_PARENT, type.getSimpleName(), parent);
          }
        }
      }
    }
    RevisionNode node = new RevisionNode(id, List.copyOf(parents), ClassName.get(type), description(type));
    return Optional.of(new Declared(node, type, annotation, idValue, parentValue));
  }

  private Optional<AnnotationMirror> revisionAnnotation(TypeElement type) {
    for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
      Element annotationType = mirror.getAnnotationType().asElement();
      if (annotationType instanceof TypeElement t && t.getQualifiedName().contentEquals(REVISION)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  private void checkClass(TypeElement type) {
    TypeElement migration = elements.getTypeElement(MIGRATION);
    if (migration != null && !types.isAssignable(types.erasure(type.asType()), types.erasure(migration.asType()))) {
      diagnostics.report(type, Message.REVISION_NOT_MIGRATION, type.getQualifiedName());
    }
    if (!instantiable(type)) {
      diagnostics.report(type, Message.REVISION_NOT_INSTANTIABLE, type.getQualifiedName());
    }
  }

  private static boolean instantiable(TypeElement type) {
    boolean classLike = type.getKind() == ElementKind.CLASS || type.getKind() == ElementKind.RECORD;
    if (!classLike || type.getModifiers().contains(Modifier.ABSTRACT)) {
      return false;
    }
    for (Element scope = type; scope instanceof TypeElement t; scope = t.getEnclosingElement()) {
      boolean nestedInInstance = t.getNestingKind() == NestingKind.MEMBER && !t.getModifiers().contains(Modifier.STATIC);
      boolean local = t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS;
      if (!t.getModifiers().contains(Modifier.PUBLIC) || nestedInInstance || local) {
        return false;
      }
    }
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (constructor.getParameters().isEmpty() && constructor.getModifiers().contains(Modifier.PUBLIC)) {
        return true;
      }
    }
    return false;
  }

  private String description(TypeElement type) {
    String javadoc = elements.getDocComment(type);
    String sentence = javadoc == null ? ""
        : DocCommentKinds.isMarkdown(elements, type) ? FirstSentence.ofMarkdown(javadoc) : FirstSentence.of(javadoc);
    return sentence.isEmpty() ? type.getSimpleName().toString() : sentence;
  }

  private void report(GraphProblem problem, Map<RevisionNode, Declared> byNode) {
    if (problem instanceof GraphProblem.DuplicateId duplicate) {
      String users = labels(duplicate.revisions().stream().map(n -> n.className().canonicalName()).toList());
      for (RevisionNode node : duplicate.revisions()) {
        Declared d = byNode.get(node);
        diagnostics.report(d.type(), d.annotation(), d.id(), Message.REVISION_DUPLICATE_ID, duplicate.id(), users);
      }
    } else if (problem instanceof GraphProblem.MissingParent missing) {
      Declared d = byNode.get(missing.revision());
      diagnostics.report(
          d.type(), d.annotation(), parentValue(d, missing.parent()), Message.REVISION_MISSING_PARENT,
          missing.revision().label(), missing.parent());
    } else if (problem instanceof GraphProblem.Cycle cycle) {
      StringBuilder path = new StringBuilder(cycle.revisions().get(0).label());
      for (int i = 1; i < cycle.revisions().size(); i++) {
        path.append(i == 1 ? " follows " : ", which follows ").append(cycle.revisions().get(i).label());
      }
      path.append(cycle.revisions().size() == 1 ? " follows itself" : ", which follows " + cycle.revisions().get(0).label());
      for (int i = 0; i < cycle.revisions().size(); i++) {
        RevisionNode node = cycle.revisions().get(i);
        RevisionNode parent = cycle.revisions().get((i + 1) % cycle.revisions().size());
        Declared d = byNode.get(node);
        diagnostics.report(d.type(), d.annotation(), parentValue(d, parent.id()), Message.REVISION_CYCLE, path);
      }
    } else {
      GraphProblem.MultipleHeads heads = (GraphProblem.MultipleHeads) problem;
      String labels = labels(heads.heads().stream().map(RevisionNode::label).toList());
      String parents = heads.heads().stream().map(n -> "\"" + n.id() + "\"").collect(Collectors.joining(", "));
      for (RevisionNode head : heads.heads()) {
        Declared d = byNode.get(head);
        diagnostics.report(
            d.type(), d.annotation(), null, Message.REVISION_MULTIPLE_HEADS,
            heads.heads().size(), labels, suggestedId, parents);
      }
    }
  }

  /** The value inside {@code parent} naming that id, so that javac points at it; else the whole value. */
  private static AnnotationValue parentValue(Declared declared, String parent) {
    if (declared.parent() != null && declared.parent().getValue() instanceof List<?> values) {
      for (Object value : values) {
        if (value instanceof AnnotationValue element && parent.equals(element.getValue())) {
          return element;
        }
      }
    }
    return declared.parent();
  }

  private static String labels(List<String> items) {
    if (items.size() == 2) {
      return items.get(0) + " and " + items.get(1);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }

  /** A revision with the source elements that declare it. */
  private record Declared(
      RevisionNode node, TypeElement type, AnnotationMirror annotation, AnnotationValue id, AnnotationValue parent) {}
}
