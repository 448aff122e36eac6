package dev.retort.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.retort.dsl.Schema;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Adds {@code upgrade} and {@code downgrade} to a migration class, laid out so that a migration of
 * any size compiles.
 *
 * <p>A class file limits one method's bytecode to 64 KB and the class's constant pool to 65,535
 * entries, and a first migration of thousands of tables exceeds both. So:
 *
 * <ul>
 *   <li>A method of at most {@value #STATEMENTS_PER_METHOD} statements holds them itself, as
 *       almost every migration does.
 *   <li>A longer one calls private static helper methods in order, each holding at most {@value
 *       #STATEMENTS_PER_METHOD} consecutive statements of one kind, named after what they do:
 *       {@code createTablesPart1(schema)}, {@code createTablesPart2(schema)}, then {@code
 *       alterTablesPart1(schema)}. Part numbers count on through the class, downgrade included, so
 *       every name is unique.
 *   <li>When the statements' constants would not fit one class (more than {@value
 *       #CONSTANTS_PER_CLASS} entries by {@link ConstantCount}'s upper bound), every helper moves
 *       into private static nested classes, {@code Upgrade1}, {@code Upgrade2}, {@code
 *       Downgrade1}, ..., each within that budget; each nested class has a constant pool of its
 *       own.
 * </ul>
 *
 * <p>The remaining 15,535 entries are for what does not grow with the migration's size: the DSL's
 * classes and methods, the helper references, the annotation.
 */
final class MethodBodies {

  /** The most statements one method holds. */
  static final int STATEMENTS_PER_METHOD = 100;
  /** The constant pool entries the statements of one class may take. */
  static final int CONSTANTS_PER_CLASS = 50_000;
  /**
   * The most constant pool entries the statements of one helper method take, unless one statement
   * alone takes more.
   */
  private static final int CONSTANTS_PER_METHOD = 10_000;

  private static final ClassName SCHEMA = ClassName.get(Schema.class);

  private final Map<Statement.Kind, Integer> parts = new EnumMap<>(Statement.Kind.class);
  /** The helper methods of the migration class itself, in order of their calls. */
  private final List<MethodSpec> helpers = new ArrayList<>();
  /** The nested classes holding helper methods, in order of their calls. */
  private final List<TypeSpec> holders = new ArrayList<>();

  private MethodBodies() {}

  /**
   * Adds {@code upgrade}, {@code downgrade} and any helpers they need to a migration class.
   *
   * @param type the migration class
   * @param upgrade the statements of {@code upgrade}
   * @param downgrade the statements of {@code downgrade}
   */
  static void addTo(TypeSpec.Builder type, List<Statement> upgrade, List<Statement> downgrade) {
    ConstantCount constants = ConstantCount.none();
    upgrade.forEach(statement -> constants.add(statement.constants()));
    downgrade.forEach(statement -> constants.add(statement.constants()));
    boolean nested = constants.entries() > CONSTANTS_PER_CLASS;
    MethodBodies bodies = new MethodBodies();
    type.addMethod(bodies.method("upgrade", upgrade, nested));
    type.addMethod(bodies.method("downgrade", downgrade, nested));
    type.addMethods(bodies.helpers);
    type.addTypes(bodies.holders);
  }

  private MethodSpec method(String name, List<Statement> statements, boolean nested) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(SCHEMA, "schema");
    if (!nested && statements.size() <= STATEMENTS_PER_METHOD) {
      statements.forEach(statement -> method.addCode(statement.code()));
      return method.build();
    }
    List<List<Statement>> chunks = chunks(statements);
    if (!nested) {
      for (List<Statement> chunk : chunks) {
        MethodSpec helper = helper(chunk);
        method.addStatement("$N(schema)", helper);
        helpers.add(helper);
      }
      return method.build();
    }
    String prefix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    List<List<List<Statement>>> classes = classes(chunks);
    for (int i = 0; i < classes.size(); i++) {
      String holderName = prefix + (i + 1);
      TypeSpec.Builder holder = TypeSpec.classBuilder(holderName)
          .addJavadoc("Part of {@code $L}, in its own class: a class file holds at most 65,535 constants.\n", name)
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL);
      for (List<Statement> chunk : classes.get(i)) {
        MethodSpec helper = helper(chunk);
        method.addStatement("$L.$N(schema)", holderName, helper);
        holder.addMethod(helper);
      }
      holders.add(holder.build());
    }
    return method.build();
  }

  /** A private static method holding the statements, named after their kind and the next part number. */
  private MethodSpec helper(List<Statement> chunk) {
    Statement.Kind kind = chunk.get(0).kind();
    int part = parts.merge(kind, 1, Integer::sum);
    MethodSpec.Builder helper = MethodSpec.methodBuilder(kind.methodName() + "Part" + part)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(SCHEMA, "schema");
    chunk.forEach(statement -> helper.addCode(statement.code()));
    return helper.build();
  }

  /**
   * Cuts the statements into runs of one kind of at most {@value #STATEMENTS_PER_METHOD}
   * statements and {@value #CONSTANTS_PER_METHOD} constants, in order.
   */
  private static List<List<Statement>> chunks(List<Statement> statements) {
    List<List<Statement>> chunks = new ArrayList<>();
    List<Statement> chunk = new ArrayList<>();
    int chunkConstants = 0;
    for (Statement statement : statements) {
      int statementConstants = statement.constants().entries();
      boolean full = !chunk.isEmpty()
          && (chunk.get(0).kind() != statement.kind()
              || chunk.size() == STATEMENTS_PER_METHOD
              || chunkConstants + statementConstants > CONSTANTS_PER_METHOD);
      if (full) {
        chunks.add(chunk);
        chunk = new ArrayList<>();
        chunkConstants = 0;
      }
      chunk.add(statement);
      chunkConstants += statementConstants;
    }
    if (!chunk.isEmpty()) {
      chunks.add(chunk);
    }
    return chunks;
  }

  /** Groups the chunks, in order, into classes of at most {@value #CONSTANTS_PER_CLASS} constants each. */
  private static List<List<List<Statement>>> classes(List<List<Statement>> chunks) {
    List<List<List<Statement>>> classes = new ArrayList<>();
    List<List<Statement>> current = new ArrayList<>();
    int currentConstants = 0;
    for (List<Statement> chunk : chunks) {
      ConstantCount chunkConstants = ConstantCount.none();
      chunk.forEach(statement -> chunkConstants.add(statement.constants()));
      if (!current.isEmpty() && currentConstants + chunkConstants.entries() > CONSTANTS_PER_CLASS) {
        classes.add(current);
        current = new ArrayList<>();
        currentConstants = 0;
      }
      current.add(chunk);
      currentConstants += chunkConstants.entries();
    }
    if (!current.isEmpty()) {
      classes.add(current);
    }
    return classes;
  }
}
