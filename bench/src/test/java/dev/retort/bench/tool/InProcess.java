package dev.retort.bench.tool;

import dev.retort.bench.database.Databases;
import dev.retort.bench.workload.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs tools' mains in the test's JVM, as the harness runs them in a child: with the compiled
 * migrations on the (context) class path, returning what they print.
 */
final class InProcess implements AutoCloseable {

  private final Databases databases;
  private final Fixtures fixtures;
  private final URLClassLoader migrations;

  InProcess(Databases databases, Fixtures fixtures) throws Exception {
    this.databases = databases;
    this.fixtures = fixtures;
    this.migrations = new URLClassLoader(new URL[] {fixtures.retortClasses().toUri().toURL()},
        InProcess.class.getClassLoader());
  }

  /** Runs one start of the tool on its database with the harness's arguments; returns its standard output. */
  String run(Tool tool) throws Exception {
    Method main = tool.mainClass().getMethod("main", String[].class);
    List<String> arguments = tool.arguments(databases, fixtures);
    Thread thread = Thread.currentThread();
    ClassLoader previousLoader = thread.getContextClassLoader();
    PrintStream standardOut = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    thread.setContextClassLoader(migrations);
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      main.invoke(null, (Object) arguments.toArray(String[]::new));
    } finally {
      System.setOut(standardOut);
      thread.setContextClassLoader(previousLoader);
    }
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws Exception {
    migrations.close();
  }
}
