package dev.retort.processor.scan;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.retort.processor.SourceTrees;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/**
 * Finds the entities that name a class javac has not resolved: a superclass or its type argument,
 * the type of a field or record component, an annotation on the entity, a superclass or a member,
 * or a class in an annotation's value. Such an entity cannot be read as written: javac hides an
 * annotation whose type is missing (a {@code @Column} without its import simply is not there), and a
 * missing class in {@code @References} reads as no class at all. Javac reports each missing class
 * itself once processing is over, unless a processor generates it in the meantime; so the
 * processor waits for a later round while any entity does not resolve, and writes nothing if one
 * never does.
 *
 * <p>Annotations whose type is missing are only visible in javac's trees; where those are not
 * available (another compiler, or a build tool that wraps javac's processing environment) they are
 * not found.
 */
public final class UnresolvedEntities {

  private final Trees trees;

  /**
   * Creates the finder.
   *
   * @param env the processing environment
   */
  public UnresolvedEntities(ProcessingEnvironment env) {
    Objects.requireNonNull(env, "env == null");
    this.trees = SourceTrees.of(env).orElse(null);
  }

  /**
   * The first entity that names a class javac has not resolved.
   *
   * @param entities the {@code @Table} elements
   * @return that entity, or empty if every one resolves
   */
  public Optional<TypeElement> find(Collection<TypeElement> entities) {
    return entities.stream().filter(entity -> !resolves(entity)).findFirst();
  }

  /** Whether the entity and its superclasses, with their instance fields, resolve. */
  private boolean resolves(TypeElement entity) {
    TypeElement current = entity;
    while (true) {
      if (!annotationsResolve(current) || !treesResolve(current)) {
        return false;
      }
      for (Element member : current.getEnclosedElements()) {
        boolean mapped = member.getKind() == ElementKind.FIELD || member.getKind() == ElementKind.RECORD_COMPONENT;
        if (mapped
            && !member.getModifiers().contains(Modifier.STATIC)
            && (containsError(member.asType()) || !annotationsResolve(member))) {
          return false;
        }
      }
      TypeMirror superclass = current.getSuperclass();
      if (containsError(superclass)) {
        return false;
      }
      if (superclass.getKind() != TypeKind.DECLARED) {
        return true;
      }
      current = (TypeElement) ((DeclaredType) superclass).asElement();
      String name = current.getQualifiedName().toString();
      if (name.equals("java.lang.Object") || name.equals("java.lang.Record")) {
        return true;
      }
    }
  }

  /** Whether the type is, or holds as an argument, bound or component, a class javac did not find. */
  private static boolean containsError(TypeMirror type) {
    return switch (type.getKind()) {
      case ERROR -> true;
      case DECLARED ->
          ((DeclaredType) type).getTypeArguments().stream().anyMatch(UnresolvedEntities::containsError);
      case ARRAY -> containsError(((ArrayType) type).getComponentType());
      case WILDCARD -> {
        WildcardType wildcard = (WildcardType) type;
        yield (wildcard.getExtendsBound() != null && containsError(wildcard.getExtendsBound()))
            || (wildcard.getSuperBound() != null && containsError(wildcard.getSuperBound()));
      }
      default -> false;
    };
  }

  /** Whether every value of the element's annotations is what its attribute's type says. */
  private static boolean annotationsResolve(Element element) {
    return element.getAnnotationMirrors().stream().allMatch(UnresolvedEntities::resolves);
  }

  private static boolean resolves(AnnotationMirror annotation) {
    return annotation.getElementValues().entrySet().stream()
        .allMatch(value -> matches(value.getKey().getReturnType(), value.getValue().getValue()));
  }

  /**
   * Whether an annotation value has the kind its attribute's type declares. Javac gives a class it
   * could not find as the string {@code "<error>"}, in a {@code Class} attribute; that is what this
   * catches (an unknown constant stops javac before processors run).
   */
  private static boolean matches(TypeMirror type, Object value) {
    return switch (type.getKind()) {
      case ARRAY -> value instanceof List<?> items
          && items.stream().allMatch(item -> item instanceof AnnotationValue v
              && matches(((ArrayType) type).getComponentType(), v.getValue()));
      case DECLARED -> {
        Element declared = ((DeclaredType) type).asElement();
        if (declared.getKind() == ElementKind.ENUM) {
          yield value instanceof VariableElement;
        }
        if (declared.getKind() == ElementKind.ANNOTATION_TYPE) {
          yield value instanceof AnnotationMirror nested && resolves(nested);
        }
        if (((TypeElement) declared).getQualifiedName().contentEquals("java.lang.Class")) {
          yield value instanceof TypeMirror mirror && !containsError(mirror);
        }
        yield true;
      }
      default -> true;
    };
  }

  /** Whether javac resolved the annotations written on the class and on its fields. */
  private boolean treesResolve(TypeElement type) {
    if (trees == null) {
      return true;
    }
    TreePath path = trees.getPath(type);
    if (path == null || !(path.getLeaf() instanceof ClassTree tree)) {
      return true;
    }
    if (!annotationTreesResolve(path, tree.getModifiers())) {
      return false;
    }
    for (Tree member : tree.getMembers()) {
      if (member instanceof VariableTree variable
          && !annotationTreesResolve(new TreePath(path, member), variable.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private boolean annotationTreesResolve(TreePath owner, ModifiersTree modifiers) {
    for (AnnotationTree annotation : modifiers.getAnnotations()) {
      TypeMirror type = trees.getTypeMirror(new TreePath(owner, annotation));
      if (type != null && type.getKind() == TypeKind.ERROR) {
        return false;
      }
    }
    return true;
  }
}
