package org.dpr.io;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The reference files of {@code src/test/resources/org/dpr/io}, written by h5py/libhdf5, numpy,
 * tifffile and Pillow ({@code make_fixtures.py} there). Their values follow
 * {@code value(k, r, c) = 100k + 10r + c + offset}, which {@link #ramp} recomputes.
 */
final class Fixtures {

    private Fixtures() {
    }

    static Path path(String name) {
        URL url = Fixtures.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("test fixture missing from the class path: " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fixture formula for frame k, row r, column c. */
    static double ramp(int k, int r, int c, double offset) {
        return 100.0 * k + 10.0 * r + c + offset;
    }
}
