package dev.retort.processor.layout;

import com.palantir.javapoet.ClassName;
import java.nio.file.Path;
import java.util.Objects;
import javax.lang.model.SourceVersion;

/**
 * Where a project keeps its migrations: the source directory the migration classes are
 * written under, the resource directory their snapshots are written under, and the package
 * of new migrations. A snapshot lives beside its migration:
 * {@code <resourceDir>/<package path>/<class name>.schema}.
 *
 * @param sourceDir the source directory, such as {@code src/main/java}
 * @param resourceDir the resource directory, such as {@code src/main/resources}
 * @param migrationPackage the package of new migrations and of the revision index
 */
public record ProjectLayout(Path sourceDir, Path resourceDir, String migrationPackage) {

  /** Validates the components. */
  public ProjectLayout {
    Objects.requireNonNull(sourceDir, "sourceDir == null");
    Objects.requireNonNull(resourceDir, "resourceDir == null");
    Objects.requireNonNull(migrationPackage, "migrationPackage == null");
    if (!migrationPackage.isEmpty() && !SourceVersion.isName(migrationPackage)) {
      throw new IllegalArgumentException("'" + migrationPackage + "' is not a package name");
    }
  }

  /** The class of a new migration with that simple name. */
  public ClassName migrationClass(String simpleName) {
    return ClassName.get(migrationPackage, simpleName);
  }

  /** The source file of a top-level class under the source directory. */
  public Path sourceFile(ClassName type) {
    return sourceDir.resolve(type.reflectionName().replace('.', '/') + ".java");
  }

  /** The snapshot file of a revision class under the resource directory. */
  public Path snapshotFile(ClassName revision) {
    return resourceDir.resolve(snapshotResource(revision));
  }

  /**
   * The classpath resource name of a revision's snapshot, such as
   * {@code com/example/migration/V20261121_153000_AddUsersPhone.schema}.
   */
  public static String snapshotResource(ClassName revision) {
    return revision.reflectionName().replace('.', '/') + ".schema";
  }
}
