/**
 * JMH benchmarks (not run by the test suite): the line parser, the record queue, the week chart, end to end. Build with
 * {@code mvn -pl benchmarks -am package -DskipTests}, run {@code java -jar benchmarks/target/benchmarks.jar}.
 */
package io.ngxtime.benchmarks;
