package dev.retort.processor;

import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * What the processor sees of Kotlin code, which reaches it through kapt: kapt writes a Java stub of
 * each Kotlin class into a directory of its own (in Maven {@code target/kaptStubs/compile}), runs
 * javac over the stubs and the Java sources with annotation processing only, and leaves compiling
 * the generated Java sources to the Java compilation that follows it.
 */
public final class Kapt {

  /**
   * The option kapt gives every processor it runs, the directory for generated Kotlin sources; its
   * presence tells that kapt runs the processor.
   */
  public static final String GENERATED_KOTLIN_OPTION = "kapt.kotlin.generated";

  private static final String METADATA = "kotlin.Metadata";
  private static final String DELEGATE_SUFFIX = "$delegate";

  private Kapt() {}

  /**
   * Whether kapt runs the processor.
   *
   * @param env the processing environment
   * @return whether the environment has kapt's option
   */
  public static boolean runs(ProcessingEnvironment env) {
    return env.getOptions().containsKey(GENERATED_KOTLIN_OPTION);
  }

  /**
   * Whether a class was declared in Kotlin: the Kotlin compiler marks every class it compiles with
   * {@code @kotlin.Metadata}, and kapt's stubs keep it.
   *
   * @param type a class
   * @return whether it is annotated {@code kotlin.Metadata}
   */
  public static boolean isKotlin(TypeElement type) {
    return type.getAnnotationMirrors().stream().anyMatch(mirror ->
        ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(METADATA));
  }

  /**
   * Whether a field holds the delegate of a Kotlin property declared with {@code by} ({@code val
   * label by lazy { ... }}): Kotlin names it {@code <property>$delegate}, and the property's value
   * is computed by that object, not stored in the field.
   *
   * @param declaring the class declaring the field
   * @param field the field
   * @return whether the class is a Kotlin class and the field one of its property delegates
   */
  public static boolean isPropertyDelegate(TypeElement declaring, VariableElement field) {
    return field.getSimpleName().toString().endsWith(DELEGATE_SUFFIX) && isKotlin(declaring);
  }

  /**
   * The getter of the Kotlin property a field backs, which carries the property's nullability where
   * the field does not: the field of a {@code lateinit var} has no {@code @NotNull}, since it holds
   * null until the property is set, while its getter has.
   *
   * @param declaring the class declaring the field
   * @param field the field
   * @return the getter, when the class is a Kotlin class and declares it
   */
  public static Optional<ExecutableElement> getter(TypeElement declaring, VariableElement field) {
    if (!isKotlin(declaring)) {
      return Optional.empty();
    }
    String property = field.getSimpleName().toString();
    // Kotlin's JVM names: a property isActive keeps its name; others get "get" and a capital letter.
    String name = property.length() > 2 && property.startsWith("is") && !Character.isLowerCase(property.charAt(2))
        ? property
        : "get" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
    return ElementFilter.methodsIn(declaring.getEnclosedElements()).stream()
        .filter(method -> method.getSimpleName().contentEquals(name) && method.getParameters().isEmpty())
        .findFirst();
  }
}
