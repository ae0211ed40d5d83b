package org.dpr.evaluate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a report page in headless Chromium (Debian's {@code chromium}; {@code .ci/install-chromium.sh}
 * installs it) and reports, for every {@code <img>} of the page and every linked .png/.svg, the
 * width the browser decoded (0 = it did not load). The page is copied beside itself with a small
 * script added, so relative paths resolve as they do for the real page; the copy is removed after.
 */
public final class HeadlessChromium {

    /** One image as the browser saw it: where it was referenced ({@code img} or {@code link}), its src and decoded width. */
    public record Loaded(String kind, String src, int naturalWidthPx) {
    }

    private static final String RESULT_ID = "dpr-image-check";
    private static final String SCRIPT = """
            <script>
            window.addEventListener('load', function () {
              var lines = [];
              var images = Array.prototype.slice.call(document.images);
              images.forEach(function (i) { lines.push('img\\t' + i.naturalWidth + '\\t' + i.getAttribute('src')); });
              var seen = {};
              images.forEach(function (i) { seen[i.getAttribute('src')] = true; });
              var links = Array.prototype.slice.call(document.querySelectorAll('a[href]')).map(function (a) {
                return a.getAttribute('href');
              }).filter(function (h) { return /\\.(png|svg)$/i.test(h) && !seen[h]; });
              Promise.all(links.map(function (h) {
                return new Promise(function (resolve) {
                  var probe = new Image();
                  probe.onload = function () { resolve('link\\t' + probe.naturalWidth + '\\t' + h); };
                  probe.onerror = function () { resolve('link\\t0\\t' + h); };
                  probe.src = h;
                });
              })).then(function (more) {
                var pre = document.createElement('pre');
                pre.id = '%s';
                pre.textContent = lines.concat(more).join('\\n');
                document.body.appendChild(pre);
              });
            });
            </script>
            """.formatted(RESULT_ID);
    private static final Pattern RESULT = Pattern.compile("<pre id=\"" + RESULT_ID + "\">(.*?)</pre>", Pattern.DOTALL);

    private HeadlessChromium() {
    }

    /** The browser: $DPR_CHROMIUM, else chromium / chromium-browser / google-chrome in /usr/bin. */
    public static Optional<Path> find() {
        String configured = System.getenv("DPR_CHROMIUM");
        List<Path> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            candidates.add(Path.of("/usr/bin", name));
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** Loads {@code page} and returns every image it shows or links. */
    public static List<Loaded> images(Path browser, Path page) {
        Path probe = page.resolveSibling(".browser-check-" + page.getFileName());
        Path profile = null;
        try {
            String html = Files.readString(page, StandardCharsets.UTF_8);
            int body = html.lastIndexOf("</body>");
            if (body < 0) {
                throw new IllegalStateException(page + " has no </body>");
            }
            Files.writeString(probe, html.substring(0, body) + SCRIPT + html.substring(body), StandardCharsets.UTF_8);
            profile = Files.createTempDirectory("dpr-chromium-profile");
            Process process = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--user-data-dir=" + profile, "--virtual-time-budget=10000", "--dump-dom",
                    probe.toAbsolutePath().toUri().toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectOutput(profile.resolve("dom.html").toFile())
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("chromium did not finish within 60 s");
            }
            Matcher m = RESULT.matcher(Files.readString(profile.resolve("dom.html"), StandardCharsets.UTF_8));
            if (!m.find()) {
                throw new IllegalStateException("chromium rendered the page but the check script left no result "
                        + "(exit " + process.exitValue() + ")");
            }
            List<Loaded> loaded = new ArrayList<>();
            for (String line : m.group(1).split("\n")) {
                if (!line.isBlank()) {
                    String[] parts = line.split("\t", 3);
                    loaded.add(new Loaded(parts[0], parts[2].replace("&amp;", "&"), Integer.parseInt(parts[1])));
                }
            }
            return loaded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for chromium", e);
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // a leftover probe page is harmless
            }
            if (profile != null) {
                ReportFolder.deleteQuietly(profile);
            }
        }
    }
}
