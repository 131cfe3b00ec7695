package dev.steward.cli.governance;

import dev.steward.governance.extract.ExtractionListener;
import dev.steward.governance.extract.ExtractionProgress;
import java.io.PrintWriter;
import java.util.Locale;

/** Draws extraction progress on one terminal line (standard error), rewritten in place. */
final class ProgressBar implements ExtractionListener {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private boolean drawn;

  ProgressBar(PrintWriter err) {
    this.err = err;
  }

  /** The bar for a terminal, or nothing when output is redirected. */
  static ExtractionListener forTerminal(PrintWriter err) {
    return System.console() != null ? new ProgressBar(err) : ExtractionListener.none();
  }

  static String render(ExtractionProgress p) {
    long done = p.written() + p.resumed();
    StringBuilder line = new StringBuilder();
    if (p.total() > 0) {
      double fraction = Math.min(1.0, (double) done / p.total());
      int filled = (int) Math.round(fraction * WIDTH);
      line.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
      line.append(
          String.format(
              Locale.ROOT, "%3d%% %,d/%,d assets", (int) (fraction * 100), done, p.total()));
    } else {
      line.append(String.format(Locale.ROOT, "%,d assets", done));
    }
    line.append(String.format(Locale.ROOT, "  %,.0f/s", p.perSecond()));
    p.eta().ifPresent(eta -> line.append("  ETA ").append(eta.toSeconds()).append('s'));
    return line.toString();
  }

  @Override
  public void onProgress(ExtractionProgress progress) {
    err.print("\r" + render(progress) + "   ");
    err.flush();
    drawn = true;
  }

  void finish() {
    if (drawn) {
      err.println();
    }
  }
}
