package org.dpr.train;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a minimal TorchScript archive by hand (no Python here): a parameter-free module whose
 * {@code forward(x)} returns {@code (s·x, x·x)} with s = 2 in evaluation mode and 3 in training
 * mode — the layout {@code torch.jit.save} produces: {@code version}, {@code data.pkl} (the module
 * object, pickle protocol 2), {@code constants.pkl} and {@code code/__torch__.py}, stored
 * uncompressed in a zip under one folder.
 */
final class TinyTorchScript {
    private static final String CODE = String.join("\n",
            "class Features(Module):",
            "  __parameters__ = []",
            "  __buffers__ = []",
            "  training : bool",
            "  def forward(self: __torch__.Features,",
            "    x: Tensor) -> Tuple[Tensor, Tensor]:",
            "    if self.training:",
            "      s = 3.",
            "    else:",
            "      s = 2.",
            "    return (torch.mul(x, s), torch.mul(x, x))",
            "");

    private TinyTorchScript() {
    }

    static Path write(Path file) throws IOException {
        ByteArrayOutputStream pickle = new ByteArrayOutputStream();
        pickle.write(new byte[] {(byte) 0x80, 2}); // PROTO 2
        pickle.write("c__torch__\nFeatures\n".getBytes(StandardCharsets.US_ASCII)); // GLOBAL
        pickle.write(new byte[] {')', (byte) 0x81, '}', 'X', 8, 0, 0, 0}); // EMPTY_TUPLE NEWOBJ EMPTY_DICT BINUNICODE
        pickle.write("training".getBytes(StandardCharsets.US_ASCII));
        pickle.write(new byte[] {(byte) 0x88, 's', 'b', '.'}); // NEWTRUE SETITEM BUILD STOP
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            put(zip, "features/version", "3\n".getBytes(StandardCharsets.US_ASCII));
            put(zip, "features/data.pkl", pickle.toByteArray());
            put(zip, "features/constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'});
            put(zip, "features/code/__torch__.py", CODE.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(data.length);
        entry.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
    }
}
