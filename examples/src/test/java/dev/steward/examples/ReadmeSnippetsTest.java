package dev.steward.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java code block in the README is a region of a compiled, tested example, so no snippet the
 * README shows can rot.
 *
 * <p>In an example, a region is marked {@code // snippet:begin NAME} ... {@code // snippet:end
 * NAME}. In the README, the line {@code <!-- snippet: NAME -->} comes right before the fenced
 * block; {@code <!-- file: PATH -->} quotes a whole file of the repository (a rules file, a
 * dashboard) in a block of any language. After changing an example, regenerate the README's blocks
 * with:
 *
 * <pre>
 * mvn -B -q -pl examples -am test -Dtest=ReadmeSnippetsTest -Dsurefire.failIfNoSpecifiedTests=false -Dsteward.updateReadme=true
 * </pre>
 */
class ReadmeSnippetsTest {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Path README = ROOT.resolve("README.md");
  // The examples, plus the db-scheduler adapter's README test: it needs the PostgreSQL that only
  // that module's tests start.
  private static final List<Path> SOURCES =
      List.of(
          ROOT.resolve("examples/src/main/java"),
          ROOT.resolve("examples/src/test/java"),
          ROOT.resolve("scheduler-dbscheduler/src/test/java"));
  private static final Pattern BEGIN = Pattern.compile("^\\s*// snippet:begin (\\S+)\\s*$");
  private static final Pattern END = Pattern.compile("^\\s*// snippet:end (\\S+)\\s*$");
  private static final Pattern MARKER = Pattern.compile("^(\\s*)<!-- snippet: (\\S+) -->\\s*$");
  private static final Pattern FILE_MARKER = Pattern.compile("^(\\s*)<!-- file: (\\S+) -->\\s*$");
  private static final Pattern JAVA_FENCE = Pattern.compile("^(\\s*)```java\\s*$");

  @Test
  void everyJavaBlockInTheReadmeIsAnExampleRegion() throws IOException {
    Map<String, List<String>> regions = regions();
    List<String> readme = Files.readAllLines(README, StandardCharsets.UTF_8);
    List<String> problems = new ArrayList<>();
    List<String> updated = new ArrayList<>();
    for (int i = 0; i < readme.size(); i++) {
      String line = readme.get(i);
      Matcher fence = JAVA_FENCE.matcher(line);
      if (fence.matches()) {
        problems.add(
            "README.md:" + (i + 1) + ": a ```java block without a <!-- snippet: NAME --> line");
      }
      updated.add(line);
      Matcher marker = MARKER.matcher(line);
      Matcher fileMarker = FILE_MARKER.matcher(line);
      boolean isFile = fileMarker.matches();
      if (!marker.matches() && !isFile) {
        continue;
      }
      String indent = isFile ? fileMarker.group(1) : marker.group(1);
      String name = isFile ? fileMarker.group(2) : marker.group(2);
      int open = i + 1;
      if (open >= readme.size()
          || !(isFile
              ? readme.get(open).startsWith(indent + "```")
              : readme.get(open).equals(indent + "```java"))) {
        problems.add("README.md:" + (i + 1) + ": snippet " + name + " is not followed by a fence");
        continue;
      }
      int close = open + 1;
      while (close < readme.size() && !readme.get(close).equals(indent + "```")) {
        close++;
      }
      if (close == readme.size()) {
        problems.add("README.md:" + (open + 1) + ": snippet " + name + " has no closing fence");
        continue;
      }
      List<String> region = isFile ? file(name) : regions.get(name);
      List<String> block = readme.subList(open + 1, close);
      if (region == null) {
        problems.add("README.md:" + (i + 1) + ": no example region or file named " + name);
        updated.addAll(readme.subList(open, close + 1));
      } else {
        List<String> expected = region.stream().map(l -> l.isEmpty() ? l : indent + l).toList();
        if (!expected.equals(block)) {
          problems.add(
              "README.md:" + (open + 2) + ": snippet " + name + " differs from its example region");
        }
        updated.add(readme.get(open));
        updated.addAll(expected);
        updated.add(readme.get(close));
      }
      i = close;
    }
    if (Boolean.getBoolean("steward.updateReadme")) {
      Files.write(README, updated, StandardCharsets.UTF_8);
      problems.removeIf(p -> p.endsWith("differs from its example region"));
    }
    assertThat(problems)
        .as(
            "README snippets (regenerate with -Dsteward.updateReadme=true, see this test's"
                + " Javadoc)")
        .isEmpty();
  }

  @Test
  void everyExampleProgramIsListedInTheReadme() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    String examples = readme.substring(readme.indexOf("## Examples"));
    examples = examples.substring(0, examples.indexOf("\n## ", 5));
    Path root = ROOT.resolve("examples/src/main/java/dev/steward/examples");
    List<String> missing = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        if (Files.readString(file, StandardCharsets.UTF_8).contains("static void main(")) {
          String name = root.relativize(file).toString().replace('/', '.').replace(".java", "");
          if (!examples.contains("`" + name + "`")) {
            missing.add(name);
          }
        }
      }
    }
    assertThat(missing).as("example programs missing from the README's Examples table").isEmpty();
  }

  @Test
  void regionsAreWellFormed() throws IOException {
    assertThat(regions()).isNotEmpty();
  }

  /** A whole file of the repository, for {@code <!-- file: PATH -->} blocks; null when missing. */
  private static List<String> file(String relative) throws IOException {
    Path file = ROOT.resolve(relative).normalize();
    if (!file.startsWith(ROOT) || !Files.isRegularFile(file)) {
      return null;
    }
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  /** Reads every region of the examples, dedented, failing on unbalanced or duplicate names. */
  private static Map<String, List<String>> regions() throws IOException {
    Map<String, List<String>> regions = new LinkedHashMap<>();
    for (Path root : SOURCES) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          readRegions(file, regions);
        }
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    return regions;
  }

  private static void readRegions(Path file, Map<String, List<String>> regions) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String open = null;
    int openedAt = 0;
    List<String> body = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher begin = BEGIN.matcher(line);
      Matcher end = END.matcher(line);
      String where = ROOT.relativize(file) + ":" + (i + 1);
      if (begin.matches()) {
        assertThat(open)
            .as(where + ": region " + begin.group(1) + " opens inside " + open)
            .isNull();
        open = begin.group(1);
        openedAt = i + 1;
        body = new ArrayList<>();
        assertThat(regions).as(where + ": region name used twice: " + open).doesNotContainKey(open);
      } else if (end.matches()) {
        assertThat(end.group(1))
            .as(where + ": snippet:end does not match its begin")
            .isEqualTo(open);
        regions.put(open, dedent(body));
        open = null;
      } else if (open != null) {
        body.add(line);
      }
    }
    assertThat(open)
        .as(ROOT.relativize(file) + ":" + openedAt + ": region " + open + " is never closed")
        .isNull();
  }

  private static List<String> dedent(List<String> lines) {
    int indent =
        lines.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
  }
}
