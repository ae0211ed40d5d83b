package org.dpr.report;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dpr.DprException;

/**
 * A tiny, self-contained HTML report page: a title, headings, paragraphs, tables, grids of
 * images with captions and links, written as {@code index.html} into a report folder whose
 * figures sit beside it. All text is escaped; images and local links are <em>relative</em> paths
 * (so the folder can be moved or zipped as a whole), percent-encoded per path segment.
 * {@link #checkLinks(Path)} lists the local targets a written page points at that do not exist.
 *
 * <pre>
 * HtmlPage.titled("dpr evaluate — test set")
 *         .withParagraph("1200 frames, N = 128.")
 *         .withTable(summary, "mean ± SE; " + Significance.LEGEND)
 *         .withImageGrid(List.of(new HtmlPage.Figure("psnr.png", "PSNR")), 3)
 *         .writeTo(Path.of("report"));
 * </pre>
 *
 * <p>Immutable: each {@code with…} returns a new page.
 */
public final class HtmlPage {

    /** An image of a grid: a path relative to the page's folder and a caption (also the alt text). */
    public record Figure(String path, String caption) {
        public Figure {
            checkRelative(path, "image");
            Objects.requireNonNull(caption, "caption");
        }
    }

    private sealed interface Block permits Heading, Paragraph, TableBlock, Grid, Link {
    }

    private record Heading(int level, String text) implements Block {
    }

    private record Paragraph(String text) implements Block {
    }

    private record TableBlock(Table table, String caption) implements Block {
    }

    private record Grid(List<Figure> figures, int columns) implements Block {
    }

    private record Link(String text, String target) implements Block {
    }

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern TARGET = Pattern.compile("\\b(?:src|href)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");
    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#222}
            table{border-collapse:collapse;margin:1em 0}
            th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left}
            th{background:#f3f3f3}
            caption{caption-side:bottom;font-size:.9em;color:#555;padding-top:.4em;text-align:left}
            .grid{display:grid;gap:1em;margin:1em 0}
            figure{margin:0}
            figure img{max-width:100%;height:auto;border:1px solid #eee}
            figcaption{font-size:.9em;color:#444}
            """;

    private final String title;
    private final List<Block> blocks;

    private HtmlPage(String title, List<Block> blocks) {
        this.title = title;
        this.blocks = blocks;
    }

    /** An empty page with this title (shown as the window title and the first heading). */
    public static HtmlPage titled(String title) {
        return new HtmlPage(Objects.requireNonNull(title, "title"), List.of());
    }

    private HtmlPage with(Block block) {
        List<Block> more = new ArrayList<>(blocks);
        more.add(block);
        return new HtmlPage(title, List.copyOf(more));
    }

    /** A section heading (level 2). */
    public HtmlPage withHeading(String text) {
        return with(new Heading(2, Objects.requireNonNull(text, "text")));
    }

    /** A paragraph of plain text (escaped). */
    public HtmlPage withParagraph(String text) {
        return with(new Paragraph(Objects.requireNonNull(text, "text")));
    }

    /** A table with a caption below it (empty for none). */
    public HtmlPage withTable(Table table, String caption) {
        return with(new TableBlock(Objects.requireNonNull(table, "table"), Objects.requireNonNull(caption, "caption")));
    }

    /** A grid of captioned images, {@code columns} per row. */
    public HtmlPage withImageGrid(List<Figure> figures, int columns) {
        Objects.requireNonNull(figures, "figures");
        if (columns < 1) {
            throw new IllegalArgumentException("an image grid needs at least one column, got " + columns);
        }
        return with(new Grid(List.copyOf(figures), columns));
    }

    /**
     * A link on its own line: to a relative path (a CSV, another page) or to an absolute URL
     * (http, https, mailto).
     */
    public HtmlPage withLink(String text, String target) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(target, "target");
        if (SCHEME.matcher(target).find()) {
            if (!target.matches("(?i)^(https?|mailto):.+")) {
                throw new IllegalArgumentException("links must be relative paths or http(s)/mailto URLs, got " + target);
            }
        } else {
            checkRelative(target, "link");
        }
        return with(new Link(text, target));
    }

    /** The page as an HTML5 document. */
    public String render() {
        StringBuilder sb = new StringBuilder(1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>").append(escape(title)).append("</h1>\n");
        for (Block block : blocks) {
            if (block instanceof Heading h) {
                sb.append("<h").append(h.level()).append('>').append(escape(h.text())).append("</h").append(h.level())
                        .append(">\n");
            } else if (block instanceof Paragraph p) {
                sb.append("<p>").append(escape(p.text())).append("</p>\n");
            } else if (block instanceof TableBlock t) {
                renderTable(sb, t.table(), t.caption());
            } else if (block instanceof Grid g) {
                renderGrid(sb, g);
            } else if (block instanceof Link l) {
                String href = SCHEME.matcher(l.target()).find() ? l.target() : encodePath(l.target());
                sb.append("<p><a href=\"").append(escape(href)).append("\">").append(escape(l.text())).append("</a></p>\n");
            }
        }
        return sb.append("</body>\n</html>\n").toString();
    }

    private static void renderTable(StringBuilder sb, Table table, String caption) {
        sb.append("<table>\n");
        if (!caption.isEmpty()) {
            sb.append("<caption>").append(escape(caption)).append("</caption>\n");
        }
        sb.append("<thead><tr>");
        for (String h : table.header()) {
            sb.append("<th>").append(escape(h)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : table.rows()) {
            sb.append("<tr>");
            for (String cell : row) {
                sb.append("<td>").append(escape(cell == null ? "" : cell)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
    }

    private static void renderGrid(StringBuilder sb, Grid grid) {
        sb.append("<div class=\"grid\" style=\"grid-template-columns:repeat(").append(grid.columns())
                .append(",1fr)\">\n");
        for (Figure f : grid.figures()) {
            String src = escape(encodePath(f.path()));
            sb.append("<figure><a href=\"").append(src).append("\"><img src=\"").append(src).append("\" alt=\"")
                    .append(escape(f.caption())).append("\"></a><figcaption>").append(escape(f.caption()))
                    .append("</figcaption></figure>\n");
        }
        sb.append("</div>\n");
    }

    /**
     * Writes the page as {@code folder/index.html} (UTF-8, atomically), creating the folder.
     *
     * @return the written file
     */
    public Path writeTo(Path folder) {
        Path index = folder.resolve("index.html");
        AtomicFiles.writeString(index, render());
        return index;
    }

    /**
     * The local targets of {@code src} and {@code href} attributes in an HTML file that do not
     * exist, resolved against the file's folder (absolute URLs with a scheme and in-page
     * {@code #anchors} are not checked). Used by tests and CI to catch broken reports.
     *
     * @return the missing targets as written in the page, without duplicates, in page order
     * @throws DprException if the file cannot be read
     */
    public static List<String> checkLinks(Path htmlFile) {
        String html;
        try {
            html = Files.readString(htmlFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DprException("cannot read " + htmlFile + ": " + e.getMessage(), e);
        }
        Path folder = htmlFile.toAbsolutePath().getParent();
        Set<String> missing = new LinkedHashSet<>();
        Matcher m = TARGET.matcher(html);
        while (m.find()) {
            String raw = unescape(m.group(1) != null ? m.group(1) : m.group(2));
            if (raw.isEmpty() || raw.startsWith("#") || SCHEME.matcher(raw).find() || raw.startsWith("//")) {
                continue;
            }
            String path = raw.replaceFirst("[?#].*$", "");
            String decoded;
            try {
                decoded = new URI(path).getPath();
            } catch (URISyntaxException e) {
                decoded = path;
            }
            if (decoded == null || !Files.exists(folder.resolve(decoded))) {
                missing.add(raw);
            }
        }
        return List.copyOf(missing);
    }

    /** Escapes text for HTML element content and double- or single-quoted attributes. */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    /** Percent-encodes a relative path for an attribute ("a b/c.png" → "a%20b/c.png"). */
    static String encodePath(String path) {
        String p = path.replace('\\', '/');
        if (p.indexOf(':') >= 0 && (p.indexOf('/') < 0 || p.indexOf(':') < p.indexOf('/'))) {
            p = "./" + p; // a colon in the first segment would read as a URI scheme
        }
        try {
            return new URI(null, null, p, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a usable path: " + path, e);
        }
    }

    /** Rejects blank paths, absolute paths (/…, \\…, C:…) and URLs (anything with a scheme). */
    private static void checkRelative(String path, String what) {
        Objects.requireNonNull(path, what);
        if (path.isBlank()) {
            throw new IllegalArgumentException(what + " path must not be blank");
        }
        if (path.startsWith("/") || path.startsWith("\\") || SCHEME.matcher(path).find()) {
            throw new IllegalArgumentException(what + " path must be relative to the page's folder, got " + path);
        }
    }
}
