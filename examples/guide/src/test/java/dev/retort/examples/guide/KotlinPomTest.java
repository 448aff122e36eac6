package dev.retort.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.processor.options.ProcessorOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The Kotlin application's POM that the guide quotes ({@code docs/setup.md}, "Kotlin"). This build
 * cannot build it, since it needs kotlin-maven-plugin; what it says of Retort is checked here: this
 * build's version, the processor on kapt's processor path, and only options the processor has,
 * among them the source directory, which kapt's stubs of Kotlin classes cannot show the processor.
 */
class KotlinPomTest {

  private static final Path POM = Guide.root().resolve("examples/guide/src/test/resources/kotlin/pom.xml");

  @Test
  void givesKaptTheProcessorOfThisBuildWithOptionsItHasAndTheSourceDirectory() throws Exception {
    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(POM.toFile());

    assertThat(texts(pom, "retort.version")).containsExactly(System.getProperty("retort.version"));
    assertThat(texts(pom, "annotationProcessorPath")).singleElement().asString()
        .contains("dev.retort").contains("retort-processor").contains("${retort.version}");
    List<String> options = texts(pom, "processorArg").stream().map(arg -> arg.substring(0, arg.indexOf('='))).toList();
    assertThat(options).allMatch(ProcessorOptions.NAMES::contains, "an option of the processor")
        .contains(ProcessorOptions.SOURCE_DIR);
  }

  private static List<String> texts(Document pom, String element) {
    NodeList nodes = pom.getElementsByTagName(element);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent().strip());
    }
    return texts;
  }
}
