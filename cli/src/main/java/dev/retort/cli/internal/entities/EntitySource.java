package dev.retort.cli.internal.entities;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import dev.retort.Check;
import dev.retort.Column;
import dev.retort.ForeignKey;
import dev.retort.Id;
import dev.retort.Index;
import dev.retort.References;
import dev.retort.ReferentialAction;
import dev.retort.Table;
import dev.retort.Sequence;
import dev.retort.Unique;
import dev.retort.View;
import dev.retort.model.SequenceModel;
import dev.retort.processor.scan.SqlNames;
import dev.retort.processor.write.QueryCode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes an {@link Entity} as the source of a {@code @Table} record, and a {@link ViewType} as a
 * {@code @View} record, laid out as the entities of the guide and the bookshop are: annotations on one line each, one component a line, the
 * attributes in the order {@code name}, {@code type}, {@code length}, {@code precision},
 * {@code scale}, {@code unique}, {@code nullable}, {@code defaultValue},
 * {@code defaultExpression}, {@code comment}. The same entity always gives the same text.
 */
public final class EntitySource {

  private static final ClassName NULLABILITY = ClassName.get(Column.Nullability.class);
  private static final String INDENT = "    ";
  /** Where {@link #writeView} puts the query once the source is laid out. */
  private static final String QUERY = "RETORT_VIEW_QUERY";

  private EntitySource() {}

  /**
   * The source file of an entity.
   *
   * @param packageName the package
   * @param entity the entity
   * @return the text of {@code <className>.java}
   */
  public static String write(String packageName, Entity entity) {
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    for (Entity.Member member : entity.members()) {
      ParameterSpec.Builder parameter =
          ParameterSpec.builder(member.javaType().type(member.nullable()), member.name());
      memberAnnotations(member).forEach(parameter::addAnnotation);
      constructor.addParameter(parameter.build());
    }
    TypeSpec.Builder record = TypeSpec.recordBuilder(entity.className())
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("$L", javadoc(entity))
        .recordConstructor(constructor.build());
    AnnotationSpec.Builder table = AnnotationSpec.builder(Table.class).addMember("name", "$S", entity.table());
    entity.schema().ifPresent(schema -> table.addMember("schema", "$S", schema));
    entity.comment().ifPresent(comment -> table.addMember("comment", "$S", comment));
    entity.primaryKey().ifPresent(key -> table.addMember("primaryKey", "$S", key));
    record.addAnnotation(table.build());
    for (Entity.UniqueDeclaration unique : entity.uniques()) {
      AnnotationSpec.Builder annotation = AnnotationSpec.builder(Unique.class);
      if (!unique.derivedName()) {
        annotation.addMember("name", "$S", unique.name());
      }
      record.addAnnotation(annotation.addMember("columns", "$L", strings(unique.columns())).build());
    }
    for (Entity.IndexDeclaration index : entity.indexes()) {
      AnnotationSpec.Builder annotation = AnnotationSpec.builder(Index.class);
      if (!index.derivedName()) {
        annotation.addMember("name", "$S", index.name());
      }
      annotation.addMember("columns", "$L", strings(index.columns()));
      if (index.unique()) {
        annotation.addMember("unique", "true");
      }
      record.addAnnotation(annotation.build());
    }
    for (Entity.CheckDeclaration check : entity.checks()) {
      record.addAnnotation(AnnotationSpec.builder(Check.class)
          .addMember("name", "$S", check.name())
          .addMember("expression", "$S", check.expression())
          .build());
    }
    entity.foreignKeys().forEach(key -> record.addAnnotation(foreignKey(key)));
    entity.sequences().forEach(sequence -> record.addAnnotation(sequence(sequence)));
    JavaFile.Builder file = JavaFile.builder(packageName, record.build())
        .skipJavaLangImports(true)
        .indent("  ");
    if (entity.members().stream().anyMatch(EntitySource::saysNotNull)) {
      file.addStaticImport(NULLABILITY, "NOT_NULL");
    }
    return layout(file.build().toString());
  }

  /**
   * The source file of a {@code @View} record: {@code @View(name = "…", value = query)}, the query
   * a text block where it has several lines ({@link QueryCode#of}), and the components one a line.
   *
   * @param packageName the package
   * @param view the view
   * @return the text of {@code <className>.java}
   */
  public static String writeView(String packageName, ViewType view) {
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    for (ViewType.Component component : view.components()) {
      constructor.addParameter(component.javaType().type(component.nullable()), component.name());
    }
    AnnotationSpec.Builder annotation = AnnotationSpec.builder(View.class).addMember("name", "$S", view.view());
    view.schema().ifPresent(schema -> annotation.addMember("schema", "$S", schema));
    // The query goes in after the layout, which joins an annotation's lines into one and would join a text block's.
    annotation.addMember("value", "$L", QUERY);
    TypeSpec record = TypeSpec.recordBuilder(view.className())
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("$L", viewJavadoc(view))
        .addAnnotation(annotation.build())
        .recordConstructor(constructor.build())
        .build();
    String source = layout(JavaFile.builder(packageName, record).skipJavaLangImports(true).indent("  ").build()
        .toString());
    return source.replace(QUERY + ")\n", QueryCode.of(view.query()) + ")\n");
  }

  private static String viewJavadoc(ViewType view) {
    StringBuilder text = new StringBuilder("The " + code(view.view()) + " view.\n");
    if (!view.warnings().isEmpty()) {
      text.append("\n<p>Not declared here as it is in the database (retort entities warned):\n<ul>\n");
      for (EntityImport.Warning warning : view.warnings()) {
        text.append("  <li>").append(html(warning.toString())).append('\n');
      }
      text.append("</ul>\n");
    }
    if (!view.components().isEmpty()) {
      text.append('\n');
      for (ViewType.Component component : view.components()) {
        text.append("@param ").append(component.name()).append(" the ").append(code(component.column()))
            .append(" column\n");
      }
    }
    return text.toString();
  }

  /**
   * The source file of a Java enum that an entity's component uses: its constants one a line,
   * with a Javadoc that names the database's enum type, or the column it was read from.
   *
   * @param packageName the package
   * @param javaEnum the enum
   * @return the text of {@code <className>.java}
   */
  public static String writeEnum(String packageName, EntityImport.JavaEnum javaEnum) {
    String javadoc = javaEnum.databaseType()
        .map(type -> "The " + code(type) + " enum type.")
        .orElse("The values of the " + code(javaEnum.column()) + " column, " + javaEnum.inline()
            + " in the database; the processor names its enum type " + code(SqlNames.snakeCase(javaEnum.className()))
            + ".");
    return "package " + packageName + ";\n\n/**\n * " + javadoc + "\n */\npublic enum " + javaEnum.className()
        + " {\n  " + String.join(",\n  ", javaEnum.values()) + "\n}\n";
  }

  /** {@code @ForeignKey} with the attributes in the order {@code name}, {@code columns}, {@code references}, …. */
  private static AnnotationSpec foreignKey(Entity.ForeignKeyDeclaration key) {
    AnnotationSpec.Builder annotation = AnnotationSpec.builder(ForeignKey.class);
    key.name().ifPresent(name -> annotation.addMember("name", "$S", name));
    annotation.addMember("columns", "$L", strings(key.columns()));
    annotation.addMember("references", "$L.class", key.target());
    key.referencedColumns().ifPresent(columns -> annotation.addMember("referencedColumns", "$L", strings(columns)));
    actions(annotation, key.onDelete(), key.onUpdate());
    return annotation.build();
  }

  /** {@code @Sequence} with {@code start} and {@code increment} where they are not the default 1. */
  private static AnnotationSpec sequence(Entity.SequenceDeclaration sequence) {
    AnnotationSpec.Builder annotation = AnnotationSpec.builder(Sequence.class).addMember("name", "$S", sequence.name());
    if (sequence.start() != SequenceModel.DEFAULT_START) {
      annotation.addMember("start", "$L", longLiteral(sequence.start()));
    }
    if (sequence.increment() != SequenceModel.DEFAULT_INCREMENT) {
      annotation.addMember("increment", "$L", longLiteral(sequence.increment()));
    }
    sequence.schema().ifPresent(schema -> annotation.addMember("schema", "$S", schema));
    return annotation.build();
  }

  /** A {@code long} as Java source: an int literal where it fits one, else with the {@code L} a long literal needs. */
  private static String longLiteral(long value) {
    return value <= Integer.MAX_VALUE ? Long.toString(value) : value + "L";
  }

  /** {@code onDelete} and {@code onUpdate}, each where it is not the default {@code NO_ACTION}. */
  private static void actions(AnnotationSpec.Builder annotation, ReferentialAction onDelete,
      ReferentialAction onUpdate) {
    if (onDelete != ReferentialAction.NO_ACTION) {
      annotation.addMember("onDelete", "$T.$L", ReferentialAction.class, onDelete.name());
    }
    if (onUpdate != ReferentialAction.NO_ACTION) {
      annotation.addMember("onUpdate", "$T.$L", ReferentialAction.class, onUpdate.name());
    }
  }

  private static List<AnnotationSpec> memberAnnotations(Entity.Member member) {
    List<AnnotationSpec> annotations = new ArrayList<>();
    if (member.generated()) {
      annotations.add(AnnotationSpec.builder(Id.class).addMember("generated", "true").build());
    } else if (member.id()) {
      annotations.add(AnnotationSpec.builder(Id.class).build());
    }
    member.reference().ifPresent(reference -> {
      AnnotationSpec.Builder references = AnnotationSpec.builder(References.class)
          .addMember("value", "$L.class", reference.target());
      reference.column().ifPresent(column -> references.addMember("column", "$S", column));
      reference.name().ifPresent(name -> references.addMember("name", "$S", name));
      actions(references, reference.onDelete(), reference.onUpdate());
      annotations.add(references.build());
    });
    AnnotationSpec.Builder column = AnnotationSpec.builder(Column.class);
    boolean any = false;
    if (!JavaNames.derives(member.name(), member.column())) {
      column.addMember("name", "$S", member.column());
      any = true;
    }
    JavaTypes.JavaType type = member.javaType();
    if (type.explicitType().isPresent()) {
      column.addMember("type", "$S", type.explicitType().get());
      any = true;
    }
    if (type.length() != 0) {
      column.addMember("length", "$L", type.length());
      any = true;
    }
    if (type.precision() >= 0) {
      column.addMember("precision", "$L", type.precision());
      if (type.scale() >= 0) {
        column.addMember("scale", "$L", type.scale());
      }
      any = true;
    }
    if (member.unique()) {
      column.addMember("unique", "true");
      any = true;
    }
    if (saysNotNull(member)) {
      column.addMember("nullable", "$T.NOT_NULL", NULLABILITY);
      any = true;
    }
    if (member.defaultValue().isPresent()) {
      column.addMember("defaultValue", "$S", member.defaultValue().get());
      any = true;
    }
    if (member.defaultExpression().isPresent()) {
      column.addMember("defaultExpression", "$S", member.defaultExpression().get());
      any = true;
    }
    if (member.comment().isPresent()) {
      column.addMember("comment", "$S", member.comment().get());
      any = true;
    }
    if (any) {
      annotations.add(column.build());
    }
    return annotations;
  }

  /** Whether a member is NOT NULL only by {@code @Column(nullable = NOT_NULL)}: not a primitive, not an {@code @Id}. */
  private static boolean saysNotNull(Entity.Member member) {
    return !member.nullable() && !member.id() && !member.javaType().hasPrimitive();
  }

  /** {@code "a"} for one string, {@code {"a", "b"}} for several. */
  private static CodeBlock strings(List<String> values) {
    if (values.size() == 1) {
      return CodeBlock.of("$S", values.get(0));
    }
    return values.stream().map(value -> CodeBlock.of("$S", value)).collect(CodeBlock.joining(", ", "{", "}"));
  }

  private static String javadoc(Entity entity) {
    StringBuilder text = new StringBuilder();
    text.append(entity.comment().map(EntitySource::html)
        .orElse("The " + code(entity.table()) + " table.")).append('\n');
    if (!entity.warnings().isEmpty()) {
      text.append("\n<p>Not declared here as it is in the database (retort entities warned):\n<ul>\n");
      for (EntityImport.Warning warning : entity.warnings()) {
        text.append("  <li>").append(html(warning.toString())).append('\n');
      }
      text.append("</ul>\n");
    }
    if (!entity.members().isEmpty()) {
      text.append('\n');
      for (Entity.Member member : entity.members()) {
        text.append("@param ").append(member.name()).append(' ')
            .append(member.comment().map(EntitySource::html).orElse("the " + code(member.column()) + " column"))
            .append('\n');
      }
    }
    return text.toString();
  }

  /** A name in code font: {@code {@code name}} where that shows it as it is, else HTML. */
  private static String code(String name) {
    return name.matches("[\\p{L}\\p{N}_ .$-]+") ? "{@code " + name + "}" : "<code>" + html(name) + "</code>";
  }

  /** Text for Javadoc: HTML's special characters escaped, and nothing that ends the comment or starts a tag. */
  private static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")
        .replace("*/", "*&#47;").replace("\r", " ").replace("\n", " ").replace("{", "&#123;").replace("}", "&#125;");
  }

  /**
   * JavaPoet's text laid out as the guide's entities: each type annotation on one line, and
   * the record's components one a line.
   */
  static String layout(String source) {
    List<String> lines = List.of(source.split("\n", -1));
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      if (line.startsWith("@") && line.endsWith("(")) {
        List<String> members = new ArrayList<>();
        i++;
        while (!lines.get(i).equals(")")) {
          members.add(lines.get(i).strip());
          i++;
        }
        out.add(line + String.join(" ", members) + ")");
        i++;
        continue;
      }
      if (line.startsWith("public record ")) {
        StringBuilder header = new StringBuilder(line);
        while (!header.toString().stripTrailing().endsWith("{")) {
          i++;
          header.append(' ').append(lines.get(i).strip());
        }
        out.add(recordHeader(header.toString()));
        i++;
        if (i < lines.size() && lines.get(i).equals("}")) {
          out.set(out.size() - 1, out.get(out.size() - 1) + "}");
          i++;
        }
        continue;
      }
      out.add(line);
      i++;
    }
    return String.join("\n", out);
  }

  /** {@code public record Name(a, b) {} } with one component a line. */
  private static String recordHeader(String header) {
    int open = header.indexOf('(');
    int close = closing(header, open);
    List<String> components = splitTopLevel(header.substring(open + 1, close));
    if (components.isEmpty()) {
      return header.substring(0, close + 1) + " {";
    }
    return header.substring(0, open + 1) + "\n" + components.stream().map(c -> INDENT + c)
        .collect(Collectors.joining(",\n")) + ") {";
  }

  /** The index of the parenthesis closing the one at {@code open}, outside string literals. */
  private static int closing(String text, int open) {
    int depth = 0;
    boolean quoted = false;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    throw new IllegalStateException("unbalanced parentheses in " + text);
  }

  /** The parts of a list separated by commas outside parentheses, braces and string literals, white space collapsed. */
  private static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        part.append(c);
        if (c == '\\') {
          part.append(text.charAt(++i));
        } else if (c == '"') {
          quoted = false;
        }
        continue;
      }
      if (c == '"') {
        quoted = true;
      } else if (c == '(' || c == '{') {
        depth++;
      } else if (c == ')' || c == '}') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(part.toString().strip());
        part.setLength(0);
        continue;
      }
      if (Character.isWhitespace(c)) {
        if (part.length() > 0 && part.charAt(part.length() - 1) != ' ') {
          part.append(' ');
        }
        continue;
      }
      part.append(c);
    }
    if (!part.toString().isBlank()) {
      parts.add(part.toString().strip());
    }
    return parts;
  }
}
