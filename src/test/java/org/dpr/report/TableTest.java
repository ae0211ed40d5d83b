package org.dpr.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableTest {

    @TempDir
    Path dir;

    @Test
    void markdownHasAHeaderSeparatorAndEscapedPipes() {
        Table t = Table.withHeader("method", "PSNR (dB)").withRow("HIO", "20.1 ± 0.2").withRow("a|b", "x\ny");
        assertThat(t.toMarkdown()).isEqualTo("""
                | method | PSNR (dB) |
                | --- | --- |
                | HIO | 20.1 ± 0.2 |
                | a\\|b | x y |
                """);
    }

    @Test
    void csvQuotesFieldsWithCommasQuotesAndLineBreaks() {
        Table t = Table.withHeader("a", "b").withRow("1,5", "say \"hi\"").withRow("plain", "two\nlines");
        assertThat(t.toCsv()).isEqualTo("a,b\r\n\"1,5\",\"say \"\"hi\"\"\"\r\nplain,\"two\nlines\"\r\n");
    }

    @Test
    void tablesAreWrittenAsUtf8Files() throws Exception {
        Table t = Table.withHeader("µ", "σ").withRow("1", "2");
        Path csv = t.writeCsv(dir.resolve("sub/t.csv"));
        Path md = t.writeMarkdown(dir.resolve("t.md"));
        assertThat(Files.readString(csv)).isEqualTo("µ,σ\r\n1,2\r\n");
        assertThat(Files.readString(md)).startsWith("| µ | σ |");
    }

    @Test
    void rowsMustMatchTheHeaderWidth() {
        assertThatThrownBy(() -> Table.withHeader("a", "b").withRow("only one"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 1 cells, the header 2");
    }

    @Test
    void csvReadsBackWhatItWroteWithCommasQuotesAndLineBreaks() {
        Table t = Table.withHeader("name", "note").withRow("a,b", "say \"hi\"").withRow("two\nlines", "");
        assertThat(Table.fromCsv(t.toCsv())).isEqualTo(t);
        assertThat(Table.fromCsv("x,y\n1,2")).isEqualTo(Table.withHeader("x", "y").withRow("1", "2"));
    }

    @Test
    void malformedCsvIsRefused() {
        assertThatThrownBy(() -> Table.fromCsv("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Table.fromCsv("a,b\n\"open,1\n")).hasMessageContaining("quoted");
        assertThatThrownBy(() -> Table.fromCsv("a,b\n1,2,3\n")).hasMessageContaining("3 cells");
        assertThatThrownBy(() -> Table.withHeader("a").column("b")).hasMessageContaining("no column 'b'");
    }
}
