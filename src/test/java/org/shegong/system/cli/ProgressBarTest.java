package org.shegong.system.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void drawsOnlyWhenThePercentageChangesAndEndsTheLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        bar.update(50, 200, 500);
        bar.update(51, 200, 510);
        bar.update(200, 200, 2000);
        bar.finish();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out.split("\r", -1)).hasSize(3);
        assertThat(out).contains("[#######                       ]  25%", "[##############################] 100%",
                "2,000 行").endsWith("\n");
    }

    @Test
    void isSilentWhenNotATerminal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        bar.update(1, 2, 3);
        bar.finish();
        assertThat(bytes.size()).isZero();
    }
}
