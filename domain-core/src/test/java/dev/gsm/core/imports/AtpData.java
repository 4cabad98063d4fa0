package dev.gsm.core.imports;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates {@code ../shared/data/atp} relative to the repository root, from any module. */
final class AtpData {
  private AtpData() {}

  static Path dir() {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("pom.xml"))
          && Files.isDirectory(p.resolve("domain-core"))) {
        Path atp = p.resolve("../shared/data/atp").normalize();
        return Files.isDirectory(atp) ? atp : null;
      }
    }
    return null;
  }
}
