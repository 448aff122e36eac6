package dev.retort.maven;

import dev.retort.cli.internal.Report;
import dev.retort.cli.internal.Settings;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Logs one revision: parents, children, class, checksum, snapshot and operations; does not
 * connect: {@code mvn compile retort:show -Dretort.revision=20261121}.
 */
@Mojo(name = "show", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class ShowMojo extends DatabaseMojo {

  /** {@code head} (the default), or a revision id or unique prefix. */
  @Parameter(property = "retort.revision", defaultValue = "head")
  String revision;

  /** Creates the goal; Maven calls this. */
  public ShowMojo() {}

  @Override
  void run(Settings settings, ClassLoader loader) throws MojoExecutionException {
    info(settings, Report.show(offline(settings, loader).show(revision)));
  }
}
