import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * {@code java StoredJar.java IN OUT}: copies the jar IN to OUT with every entry stored (not deflated), in the
 * same order, with the same names, times and contents. The Debian package is compressed with xz as a whole, and
 * xz packs the classes of a stored jar to about half of what a deflated jar takes (build-deb.sh); the JVM reads a
 * stored jar without inflating it.
 */
public final class StoredJar {
    private StoredJar() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java StoredJar.java IN.jar OUT.jar");
            System.exit(2);
        }
        try (InputStream file = Files.newInputStream(Path.of(args[0]));
                ZipInputStream in = new ZipInputStream(file);
                OutputStream outFile = Files.newOutputStream(Path.of(args[1]));
                ZipOutputStream out = new ZipOutputStream(outFile)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                CRC32 crc = new CRC32();
                crc.update(bytes);
                ZipEntry stored = new ZipEntry(e.getName());
                stored.setMethod(ZipEntry.STORED);
                stored.setSize(bytes.length);
                stored.setCompressedSize(bytes.length);
                stored.setCrc(crc.getValue());
                stored.setTime(e.getTime());
                out.putNextEntry(stored);
                out.write(bytes);
                out.closeEntry();
            }
        }
    }
}
