package org.dpr.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlPageTest {

    @TempDir
    Path dir;

    @Test
    void textInTitleParagraphsTablesAndCaptionsIsEscaped() {
        String html = HtmlPage.titled("R_F < 0.2 & \"good\"")
                .withParagraph("<script>alert('x')</script>")
                .withTable(Table.withHeader("a<b").withRow("x & y"), "p ≤ 1e-8 → ****")
                .withImageGrid(List.of(new HtmlPage.Figure("fig.png", "caption \"q\" <i>")), 2)
                .render();
        assertThat(html).doesNotContain("<script>").doesNotContain("<i>")
                .contains("<title>R_F &lt; 0.2 &amp; &quot;good&quot;</title>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("<th>a&lt;b</th>").contains("<td>x &amp; y</td>")
                .contains("alt=\"caption &quot;q&quot; &lt;i&gt;\"");
    }

    @Test
    void everyImageAndLinkOfAWrittenPageResolvesToAFile() throws Exception {
        Files.createDirectories(dir.resolve("figures"));
        Files.writeString(dir.resolve("figures/psnr plot.png"), "png");
        Files.writeString(dir.resolve("rows.csv"), "a\r\n");
        Path index = HtmlPage.titled("report")
                .withImageGrid(List.of(new HtmlPage.Figure("figures/psnr plot.png", "PSNR")), 3)
                .withLink("all rows", "rows.csv")
                .withLink("paper", "https://doi.org/10.0000/example")
                .writeTo(dir);
        assertThat(index).isEqualTo(dir.resolve("index.html"));
        assertThat(Files.readString(index)).contains("src=\"figures/psnr%20plot.png\"");
        assertThat(HtmlPage.checkLinks(index)).isEmpty();
    }

    @Test
    void checkLinksReportsEachMissingImageAndLinkOnce() {
        Path index = HtmlPage.titled("report")
                .withImageGrid(List.of(new HtmlPage.Figure("missing.png", "gone"),
                        new HtmlPage.Figure("missing.png", "again")), 2)
                .withLink("rows", "sub/rows.csv")
                .writeTo(dir.resolve("out"));
        assertThat(HtmlPage.checkLinks(index)).containsExactly("missing.png", "sub/rows.csv");
    }

    @Test
    void checkLinksIgnoresUrlsAndAnchorsButFindsHandWrittenRelativeTargets() throws Exception {
        Path page = dir.resolve("page.html");
        Files.writeString(page, "<a href=\"#top\">t</a><a href='http://x.org/a.png'>u</a>"
                + "<img src='here.png'><img src=\"a&amp;b.png?v=1\">");
        Files.writeString(dir.resolve("here.png"), "png");
        assertThat(HtmlPage.checkLinks(page)).containsExactly("a&b.png?v=1");
        Files.writeString(dir.resolve("a&b.png"), "png");
        assertThat(HtmlPage.checkLinks(page)).isEmpty();
    }

    @Test
    void absolutePathsAndForeignSchemesAreRejected() {
        assertThatThrownBy(() -> new HtmlPage.Figure("/etc/x.png", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("relative");
        assertThatThrownBy(() -> new HtmlPage.Figure("http://x.org/a.png", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HtmlPage.titled("t").withLink("x", "javascript:alert(1)"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HtmlPage.titled("t").withImageGrid(List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writingReplacesAnOldPageAndLeavesNoTemporaryFiles() throws Exception {
        HtmlPage.titled("first").writeTo(dir);
        HtmlPage.titled("second").writeTo(dir);
        assertThat(Files.readString(dir.resolve("index.html"))).contains("second").doesNotContain("first");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("index.html");
        }
    }
}
