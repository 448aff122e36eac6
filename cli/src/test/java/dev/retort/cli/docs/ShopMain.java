package dev.retort.cli.docs;

import dev.retort.cli.RetortCli;
import java.util.Arrays;

/**
 * The main class of an application shipped as one jar, handing {@code db …} to the
 * {@code retort} command, as docs/commands.md shows it. Compiled so the guide's copy cannot
 * drift from the API.
 */
public final class ShopMain {

  private ShopMain() {}

  /**
   * Starts the application, or runs a Retort command for {@code db …}.
   *
   * @param args the command line
   */
  // tag::delegating-main[]
  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("db")) {
      // java -jar shop.jar db upgrade head --url ...
      System.exit(RetortCli.run(Arrays.copyOfRange(args, 1, args.length)));
    }
    startServer(args);
  }
  // end::delegating-main[]

  private static void startServer(String[] args) {
    throw new UnsupportedOperationException("an example: the application would start here");
  }
}
