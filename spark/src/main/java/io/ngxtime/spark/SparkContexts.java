package io.ngxtime.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** Where a job's Spark context comes from: one of its own (closed after the job), or one shared (a test's). */
@FunctionalInterface
public interface SparkContexts {
    /** A context for one job; closing the lease ends it when it is the job's own. */
    interface Lease extends AutoCloseable {
        JavaSparkContext context();

        @Override
        void close();
    }

    /**
     * A context for a job.
     *
     * @param master the master asked for on the command line, or null
     */
    Lease open(String master);

    /**
     * A context of the job's own. The master: {@code master}, else what {@code spark-submit} set
     * ({@code spark.master}), else {@code local[*]}. In local mode the driver binds only to 127.0.0.1 and the UI
     * is off, unless the configuration given says otherwise (settings from {@code spark-submit} win).
     */
    SparkContexts OWN = master -> {
        SparkConf conf = new SparkConf().setAppName("ngxtime report");
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        JavaSparkContext context = new JavaSparkContext(conf);
        context.setLogLevel("WARN");
        return new Lease() {
            @Override
            public JavaSparkContext context() {
                return context;
            }

            @Override
            public void close() {
                context.stop();
            }
        };
    };
}
