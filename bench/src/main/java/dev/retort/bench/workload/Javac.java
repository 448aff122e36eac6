package dev.retort.bench.workload;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Runs javac in this process, the way Maven's compiler plugin does, and finds the class path
 * entries that compiling against Retort needs.
 */
public final class Javac {

  private Javac() {}

  /**
   * Compiles every {@code .java} file under a directory.
   *
   * @param sourceRoot the directory to search
   * @param options javac options, such as {@code -d} and {@code -classpath}
   * @return what javac printed (notes and warnings)
   * @throws IllegalStateException if the compilation fails, with javac's messages
   */
  public static String compileTree(Path sourceRoot, List<String> options) {
    List<Path> sources;
    try (Stream<Path> files = Files.walk(sourceRoot)) {
      sources = files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException("could not list the sources under " + sourceRoot + ": " + e, e);
    }
    if (sources.isEmpty()) {
      throw new IllegalStateException("no .java files under " + sourceRoot);
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException("no system Java compiler: run the benchmark on a JDK, not a JRE");
    }
    StringWriter messages = new StringWriter();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
      boolean compiled = compiler.getTask(messages, files, null, options, null, units).call();
      if (!compiled) {
        throw new IllegalStateException("javac failed on " + sources.size() + " files under " + sourceRoot
            + " with options " + options + ":\n" + messages);
      }
    } catch (IOException e) {
      throw new IllegalStateException("could not close javac's file manager: " + e, e);
    }
    return messages.toString();
  }

  /** The class path of code that uses Retort's annotations and DSL: the retort-dsl classes. */
  public static String dslClassPath() {
    return locationOf(dev.retort.Table.class).toString();
  }

  /** The processor path that runs the Retort processor: the processor, the DSL and JavaPoet. */
  public static String processorPath() {
    List<String> entries = new ArrayList<>();
    entries.add(locationOf(dev.retort.processor.RetortProcessor.class).toString());
    entries.add(dslClassPath());
    entries.add(locationOf(com.palantir.javapoet.JavaFile.class).toString());
    return String.join(File.pathSeparator, entries);
  }

  /**
   * The class path entry a class was loaded from.
   *
   * @param type the class
   * @return its jar or classes directory
   */
  public static Path locationOf(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null) {
      throw new IllegalStateException("cannot tell where " + type.getName() + " was loaded from");
    }
    try {
      return Path.of(source.getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot tell where " + type.getName() + " was loaded from", e);
    }
  }
}
