package dev.retort.testing;

import java.lang.reflect.Method;
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
          + "  mvn -pl dsl test -Dtest=" + test + " -D" + Seeds.SEED + "=" + seed + "\n" + failure, failure);
    }
  }
}
