package dev.retort.runtime;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a message writes a command that the user can run next, such as the {@code stamp} that
 * records a deliberately changed migration's new checksum: in the syntax of the front end the
 * user runs Retort from. Set it with {@link Retort.Builder#commandSyntax(CommandSyntax)}; the
 * {@code retort} command line and the Maven plugin set their own, and an application that calls
 * {@link Retort} from Java keeps the default, {@link #JAVA}.
 *
 * <p>The commands are the methods of {@link Retort}, which are also the command line's commands
 * and the Maven plugin's goals: {@code upgrade}, {@code downgrade} and {@code stamp} take
 * targets; {@code show} takes a revision; {@code current}, {@code history}, {@code heads} and
 * {@code check} take nothing. {@code merge}, which writes a merge revision from the sources, is
 * a command of the command line and a goal of the Maven plugin only, and takes nothing here.
 */
public enum CommandSyntax {

  /** A call of the {@link Retort} method: {@code downgrade("base")}, {@code stamp("a1b2", "c3d4")}. */
  JAVA {
    @Override
    String render(String command, List<String> arguments) {
      StringBuilder call = new StringBuilder(command).append('(');
      for (int i = 0; i < arguments.size(); i++) {
        call.append(i == 0 ? "" : ", ").append('"')
            .append(arguments.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      }
      return call.append(')').toString();
    }
  },

  /** The {@code retort} command line: {@code retort downgrade base}, {@code retort stamp a1b2 c3d4}. */
  CLI {
    @Override
    String render(String command, List<String> arguments) {
      StringBuilder line = new StringBuilder("retort ").append(command);
      arguments.forEach(argument -> line.append(' ').append(shellWord(argument)));
      return line.toString();
    }
  },

  /**
   * The Maven plugin's goal, with its arguments as properties: {@code mvn retort:downgrade
   * -Dretort.target=base}, {@code mvn retort:stamp -Dretort.target=a1b2,c3d4}.
   */
  MAVEN {
    @Override
    String render(String command, List<String> arguments) {
      String goal = "mvn retort:" + command;
      if (arguments.isEmpty()) {
        return goal;
      }
      String property = command.equals("show") ? "retort.revision" : "retort.target";
      return goal + " " + shellWord("-D" + property + "=" + String.join(",", arguments));
    }
  };

  /** What a shell takes as one word as it stands. */
  private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_.,:+/=@%-]+");

  /**
   * Writes a command as the user runs it from this front end. Only the command and its
   * arguments are written: a front end's options, such as the database URL, are left out.
   *
   * @param command the command: {@code upgrade}, {@code downgrade}, {@code stamp}, {@code show},
   *     {@code current}, {@code history}, {@code heads} or {@code check}; or {@code merge}, except
   *     in {@link #JAVA}
   * @param arguments the targets of {@code upgrade} (at most one), {@code downgrade} (one) and
   *     {@code stamp} (one or more), or the revision of {@code show} (at most one); none for the
   *     other commands
   * @return the command, such as {@code retort stamp a1b2 c3d4}
   * @throws IllegalArgumentException if the command is not one of these, or the arguments do not
   *     fit it, or it is {@code merge} in {@link #JAVA}, which {@link Retort} has no method for
   */
  public String command(String command, String... arguments) {
    Objects.requireNonNull(command, "command == null");
    List<String> given = List.of(arguments);
    String expected = switch (command) {
      case "upgrade", "show" -> given.size() <= 1 ? null : "at most one argument";
      case "downgrade" -> given.size() == 1 ? null : "one argument";
      case "stamp" -> given.isEmpty() ? "one or more arguments" : null;
      case "current", "history", "heads", "check" -> given.isEmpty() ? null : "no arguments";
      case "merge" -> {
        if (this == JAVA) {
          throw new IllegalArgumentException("merge is not a method of Retort: the merge revision is written from the"
              + " sources, by the command line's retort merge or the Maven plugin's retort:merge");
        }
        yield given.isEmpty() ? null : "no arguments";
      }
      default -> throw new IllegalArgumentException("unknown command: " + command + "; Retort's commands are upgrade,"
          + " downgrade, stamp, show, current, history, heads and check, and on the command line and in Maven merge");
    };
    if (expected != null) {
      throw new IllegalArgumentException(command + " takes " + expected + ", not " + given);
    }
    for (String argument : given) {
      if (argument.isBlank()) {
        throw new IllegalArgumentException("blank argument of " + command + ": " + given);
      }
    }
    return render(command, given);
  }

  abstract String render(String command, List<String> arguments);

  /** The argument as one shell word: as it is when it needs no quoting, else in double quotes. */
  private static String shellWord(String argument) {
    if (PLAIN_WORD.matcher(argument).matches()) {
      return argument;
    }
    return '"' + argument.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`") + '"';
  }
}
