package dev.retort.runtime.internal.graph;

import dev.retort.Migration;
import dev.retort.RevisionInfo;
import dev.retort.index.RevisionIndexFile;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.internal.Advice;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds the revision indexes ({@value RevisionIndexFile#RESOURCE}) on a class path. Reading
 * them loads no migration class: a class is loaded, and its migration created, when a command
 * first needs the revision's operations.
 */
public final class RevisionIndexResources {

  private RevisionIndexResources() {}

  /**
   * Reads every index the class loader sees; each jar or output directory with migrations has one.
   *
   * @param loader the class loader of the application
   * @return the revisions of all of them, in no particular order
   * @throws RetortException {@link ErrorCode#NO_MIGRATIONS} if there is no index or one cannot be read
   */
  public static List<LoadedRevision> read(ClassLoader loader) {
    return read(loader, Advice.JAVA);
  }

  /**
   * Reads every index the class loader sees, as {@link #read(ClassLoader)}.
   *
   * @param loader the class loader of the application
   * @param advice the front end, whose way of putting migrations on the class path a missing index names
   * @return the revisions of all of them, in no particular order
   * @throws RetortException {@link ErrorCode#NO_MIGRATIONS} if there is no index or one cannot be read
   */
  public static List<LoadedRevision> read(ClassLoader loader, Advice advice) {
    List<URL> resources;
    try {
      resources = Collections.list(loader.getResources(RevisionIndexFile.RESOURCE));
    } catch (IOException e) {
      throw new RetortException(ErrorCode.NO_MIGRATIONS,
          "Could not look for the revision index " + RevisionIndexFile.RESOURCE + " on the class path: "
              + e.getMessage(), e);
    }
    if (resources.isEmpty()) {
      throw new RetortException(ErrorCode.NO_MIGRATIONS,
          "No revision index on the class path (" + RevisionIndexFile.RESOURCE + ") and no migrations given. "
              + advice.noMigrations());
    }
    List<LoadedRevision> revisions = new ArrayList<>();
    for (URL resource : resources) {
      for (RevisionIndexFile.Entry entry : entries(resource)) {
        Supplier<Migration> create = () -> create(entry, loader);
        RevisionInfo info = new RevisionInfo(entry.id(), entry.parents(), entry.description(),
            entry.snapshotResource(), create);
        revisions.add(
            new LoadedRevision(info, entry.migrationClass(), entry.sourceChecksum(), entry.snapshotMatchesSource()));
      }
    }
    return revisions;
  }

  private static List<RevisionIndexFile.Entry> entries(URL resource) {
    try {
      URLConnection connection = resource.openConnection();
      // A jar's cached handle would keep a replaced jar's old index in a long-lived class loader.
      connection.setUseCaches(false);
      try (Reader reader = new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8)) {
        return RevisionIndexFile.read(reader, resource.toString());
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new RetortException(ErrorCode.NO_MIGRATIONS,
          "Could not read the revision index " + resource + ": " + e.getMessage() + ". Rebuild the project so that"
              + " the Retort processor writes it again.", e);
    }
  }

  private static Migration create(RevisionIndexFile.Entry entry, ClassLoader loader) {
    Class<?> type;
    try {
      type = Class.forName(entry.migrationClass(), true, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("class " + entry.migrationClass() + " is in the revision index but not on the"
          + " class path", e);
    }
    if (!Migration.class.isAssignableFrom(type)) {
      throw new IllegalStateException("class " + entry.migrationClass() + " does not implement "
          + Migration.class.getName());
    }
    try {
      return (Migration) type.getConstructor().newInstance();
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("the constructor of " + entry.migrationClass() + " threw " + e.getCause(),
          e.getCause());
    } catch (IllegalAccessException e) {
      // A public class in a package that a modular application neither exports nor opens.
      Optional<String> closed = ModuleAccess.closedPackage(type);
      if (closed.isPresent()) {
        throw new RetortException(ErrorCode.INVALID_MIGRATION, "Cannot create the migration of revision "
            + entry.id() + " (" + entry.migrationClass() + "): " + closed.get() + ".", e);
      }
      throw new IllegalStateException("cannot create " + entry.migrationClass() + " (" + e + ")", e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + entry.migrationClass() + " (" + e + ")", e);
    }
  }
}
