package dev.retort.runtime.internal;

import dev.retort.runtime.CommandSyntax;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The commands that messages tell the user to run, written in the syntax of the front end that
 * runs Retort, so that no message writes command syntax of its own. A Java call stands in a
 * sentence as it is ({@code stamp("a1b2")}); a command line is quoted
 * ({@code 'retort stamp a1b2'}), so that the sentence around it does not read as part of it.
 *
 * @param syntax the front end's syntax
 * @param currentSchema the schema the commands work in, which a command line or a goal must be given again; empty for
 *     the connection's own
 */
public record Advice(CommandSyntax syntax, Optional<String> currentSchema) {

  /** The advice of a Retort used from Java, the default. */
  public static final Advice JAVA = new Advice(CommandSyntax.JAVA);

  /** Checks that the components are given. */
  public Advice {
    Objects.requireNonNull(syntax, "syntax == null");
    Objects.requireNonNull(currentSchema, "currentSchema == null");
  }

  /**
   * The advice of a Retort that works in the connection's own schema.
   *
   * @param syntax the front end's syntax
   */
  public Advice(CommandSyntax syntax) {
    this(syntax, Optional.empty());
  }

  /** The upgrade to a target. */
  public String upgrade(String target) {
    return connecting("upgrade", target);
  }

  /** The downgrade to a target. */
  public String downgrade(String target) {
    return connecting("downgrade", target);
  }

  /** The stamp of these targets, such as the current revisions of a state; {@code base} for none. */
  public String stamp(List<String> targets) {
    return targets.isEmpty() ? connecting("stamp", "base") : connecting("stamp", targets.toArray(String[]::new));
  }

  /** The current command, which shows the revisions the database is at. */
  public String current() {
    return connecting("current");
  }

  /** The history command, which lists every revision. */
  public String history() {
    return connecting("history");
  }

  /**
   * The command that writes a merge revision joining the heads: the front end's, or from Java,
   * which has no such call, both the Maven goal and the command line's command.
   */
  public String merge() {
    if (syntax == CommandSyntax.JAVA) {
      return "'" + CommandSyntax.MAVEN.command("merge") + "' or '" + CommandSyntax.CLI.command("merge") + "'";
    }
    return command("merge");
  }

  /**
   * What to do when the class path holds no revision index: how the migrations get onto the
   * class path of this front end.
   */
  public String noMigrations() {
    return switch (syntax) {
      case JAVA -> "Put the Retort processor on the annotation processor path of the module that holds the"
          + " migrations, not only on its class path: javac 23 and newer run no processor they find there. Or give"
          + " the migrations with Retort.builder().migrations(...).";
      case CLI -> "Run the command with the application's classes or jar on its class path, built with"
          + " retort-processor on the compiler's annotation processor path, such as java -cp"
          + " \"target/app.jar:target/lib/*\" dev.retort.cli.RetortCli followed by the command.";
      case MAVEN -> "In the module that holds the migrations, put retort-processor on the compiler's annotation"
          + " processor path (annotationProcessorPaths: javac 23 and newer run no processor that is only a"
          + " dependency) and compile in the same build.";
    };
  }

  /**
   * A command that connects: on the command line and in Maven with the current schema, which the Java instance
   * that gives the advice already has.
   */
  private String connecting(String command, String... arguments) {
    String text = syntax.command(command, arguments);
    if (currentSchema.isPresent() && syntax != CommandSyntax.JAVA) {
      String name = currentSchema.get().matches("[A-Za-z0-9_$]+") ? currentSchema.get()
          : "\"" + currentSchema.get() + "\"";
      text += syntax == CommandSyntax.CLI ? " --current-schema " + name : " -Dretort.currentSchema=" + name;
    }
    return shown(text);
  }

  private String command(String command, String... arguments) {
    return shown(syntax.command(command, arguments));
  }

  /** A command as a sentence shows it: a Java call as it is, a command line quoted. */
  private String shown(String text) {
    return syntax == CommandSyntax.JAVA ? text : "'" + text + "'";
  }
}
