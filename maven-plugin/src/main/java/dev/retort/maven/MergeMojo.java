package dev.retort.maven;

import dev.retort.cli.internal.authoring.AuthoringException;
import dev.retort.cli.internal.authoring.NewRevision;
import dev.retort.cli.internal.authoring.RevisionAuthor;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes a merge revision joining the heads of a history that branched, with the merged
 * snapshot (Alembic's {@code merge}): {@code mvn retort:merge}. Run it when the compiler reports
 * that the revision graph has several heads.
 */
@Mojo(name = "merge", threadSafe = true)
public final class MergeMojo extends AuthoringMojo {

  /** What the merge joins, such as {@code merge inventory and reviews}. Default: {@code merge heads}. */
  @Parameter(property = "retort.message")
  String message;

  /** Creates the goal; Maven calls this. */
  public MergeMojo() {}

  @Override
  NewRevision write(RevisionAuthor author) throws AuthoringException {
    return author.merge(Optional.ofNullable(message).filter(text -> !text.isBlank()));
  }
}
