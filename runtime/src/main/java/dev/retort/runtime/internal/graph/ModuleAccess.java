package dev.retort.runtime.internal.graph;

import java.util.Optional;

/**
 * What a named module (a modular application's {@code module-info.java}) must declare for
 * Retort to reach its migrations. The runtime creates a migration by reflection, which needs the
 * package exported or open to it, and reads the snapshot beside the migration through the class
 * loader, which finds a resource in a named module's package only when the package is open to
 * every module. So the one line that gives both is an unqualified {@code opens}.
 */
public final class ModuleAccess {

  private ModuleAccess() {}

  /**
   * Why the runtime cannot reach the package of a migration class, if its module keeps the
   * package closed.
   *
   * @param type the migration class
   * @return the module, the package and the line to add; empty if the class is not in a named
   *     module or its package is open
   */
  public static Optional<String> closedPackage(Class<?> type) {
    Module module = type.getModule();
    String pkg = type.getPackageName();
    if (!module.isNamed() || module.isOpen(pkg)) {
      return Optional.empty();
    }
    return Optional.of("module " + module.getName() + " does not open package " + pkg + " to Retort, which"
        + " creates its migrations by reflection and reads their snapshots beside them. Add `opens " + pkg + ";` to"
        + " the module's module-info.java");
  }
}
