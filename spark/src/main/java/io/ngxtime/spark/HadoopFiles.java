package io.ngxtime.spark;

import io.ngxtime.analyzer.source.Input;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SerializableWritable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Inputs named by URL ({@code hdfs://nn/logs/}, {@code s3a://bucket/prefix/*.gz}, {@code file:///var/log/x}),
 * read through Hadoop's {@link FileSystem} with the job's Hadoop configuration (what the cluster and
 * {@code spark.hadoop.*} settings give: the file systems, their credentials), broadcast once to the executors.
 * Local paths never come here: they are read as on one machine.
 */
final class HadoopFiles implements Serializable {
    /** A scheme of two or more characters, then {@code :/} (so {@code C:/} is not one). */
    private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.\\-]+:/.*", Pattern.DOTALL);

    private final Broadcast<SerializableWritable<Configuration>> conf;
    /** The driver's configuration; null on the executors, which take the broadcast one. */
    private final transient Configuration driverConf;

    private HadoopFiles(Broadcast<SerializableWritable<Configuration>> conf, Configuration driverConf) {
        this.conf = conf;
        this.driverConf = driverConf;
    }

    /** The job's Hadoop configuration, broadcast to the executors. */
    static HadoopFiles of(JavaSparkContext spark) {
        Configuration c = spark.hadoopConfiguration();
        return new HadoopFiles(spark.broadcast(new SerializableWritable<>(c)), c);
    }

    /** Whether {@code name} is a URL with a scheme (read through Hadoop), not a local path. */
    static boolean isUrl(String name) {
        return URL.matcher(name).matches();
    }

    private Configuration conf() {
        return driverConf != null ? driverConf : conf.value().value();
    }

    /**
     * The files a URL names, as {@code InputPaths} expands local names: a file as given, a directory as its
     * files (sorted, not recursive), a glob as the files it matches (sorted, directories among them as their
     * files). A URL that names nothing stays as given, so opening it says why it cannot be read.
     *
     * @throws IOException when the file system cannot be reached or listed
     */
    List<String> expand(String url) throws IOException {
        Path path = new Path(url);
        FileSystem fs = fileSystem(path);
        FileStatus[] matched = fs.globStatus(path);
        if (matched == null || matched.length == 0) {
            return List.of(url);
        }
        if (matched.length == 1 && matched[0].isFile() && !hasGlob(url)) {
            return List.of(url);
        }
        List<String> out = new ArrayList<>();
        for (FileStatus m : matched) {
            if (m.isDirectory()) {
                List<String> inDir = new ArrayList<>();
                for (FileStatus f : fs.listStatus(m.getPath())) {
                    if (f.isFile()) {
                        inDir.add(f.getPath().toString());
                    }
                }
                inDir.sort(null);
                out.addAll(inDir);
            } else if (m.isFile()) {
                out.add(m.getPath().toString());
            }
        }
        return out.isEmpty() ? List.of(url) : out;
    }

    /**
     * The file system of {@code path}'s scheme. One the cluster lacks ({@code s3a://} without {@code hadoop-aws})
     * is an I/O error said in one line, not Hadoop's wrapped {@code ClassNotFoundException}.
     */
    private FileSystem fileSystem(Path path) throws IOException {
        try {
            return path.getFileSystem(conf());
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IOException("no file system for " + path.toUri().getScheme() + "://" + " here (" + cause.getMessage()
                    + "): the cluster provides it (s3a: hadoop-aws)", e);
        }
    }

    private static boolean hasGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }

    /** The file as an input of the report: probed, detected from and ordered as a local file is. */
    Input input(String url) {
        return Input.opened(url, () -> open(url, 0));
    }

    /** Its size in bytes. */
    long size(String url) throws IOException {
        Path path = new Path(url);
        return fileSystem(path).getFileStatus(path).getLen();
    }

    /** Its raw bytes from byte {@code position} (a seek, for a range of a plain file). */
    InputStream open(String url, long position) throws IOException {
        Path path = new Path(url);
        FSDataInputStream in;
        try {
            in = fileSystem(path).open(path);
        } catch (FileNotFoundException e) {
            // said as a missing local file is ("no such file"), not as Hadoop's sentence naming the path again
            NoSuchFileException missing = new NoSuchFileException(url);
            missing.initCause(e);
            throw missing;
        }
        if (position > 0) {
            try {
                in.seek(position);
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
        }
        return in;
    }
}
