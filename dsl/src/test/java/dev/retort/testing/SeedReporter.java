package dev.retort.testing;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.TestAbortedException;

/**
 * Puts the seed of a failing {@link PropertyTest} case, and the command that runs that case
 * alone, at the start of its failure message, so the report says how to reproduce it.
 */
final class SeedReporter implements InvocationInterceptor {

  @Override
  public void interceptTestTemplateMethod(
      Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext) throws Throwable {
    try {
      invocation.proceed();
    } catch (TestAbortedException | OutOfMemoryError notAFailureOfTheCase) {
      throw notAFailureOfTheCase;
    } catch (Throwable failure) {
      Object seed = invocationContext.getArguments().get(0);
      String test = extensionContext.getRequiredTestClass().getSimpleName() + "#"
          + invocationContext.getExecutable().getName();
      throw new AssertionError("seed " + seed + " fails " + test + "; run this case alone with\n"
          + "  ./mvnw" + module() + " test -Dtest=" + test + " -D" + Seeds.SEED + "=" + seed
          + " -Dsurefire.failIfNoSpecifiedTests=false\n" + failure, failure);
    }
  }

  /**
   * {@code -pl MODULE -am} for the module whose tests run, from the {@code basedir} that
   * Surefire gives the test JVM, relative to the outermost directory above it that has a
   * {@code pom.xml}; empty where there is no {@code basedir} (an IDE), so the command runs every
   * module.
   */
  private static String module() {
    String basedir = System.getProperty("basedir", "");
    if (basedir.isEmpty()) {
      return "";
    }
    Path module = Path.of(basedir).toAbsolutePath().normalize();
    Path root = module;
    while (root.getParent() != null && Files.isRegularFile(root.getParent().resolve("pom.xml"))) {
      root = root.getParent();
    }
    return root.equals(module) ? "" : " -pl " + root.relativize(module).toString().replace('\\', '/') + " -am";
  }
}
