/**
 * The end-to-end test against a real nginx: {@link io.ngxtime.cli.realnginx.RealNginxTest} starts nginx
 * ({@link io.ngxtime.cli.realnginx.NginxProcess}) from a temporary prefix on free 127.0.0.1 ports, with the
 * {@code nginx.conf} beside these classes in the test resources; two
 * {@link io.ngxtime.cli.realnginx.RecordingBackend}s record every attempt nginx sends them; the client
 * ({@link io.ngxtime.cli.realnginx.ClientRun}) records what it sent and the status it got. nginx logs every
 * request in six formats at once, and each log's {@code ngxtime report --json} is checked against the
 * client and the backends, never against ngxtime's own earlier output.
 *
 * <p>Needs an nginx binary ({@code .ci/run} installs Debian's); without one the test is skipped
 * (it fails under {@code CI=true}). It runs
 * in a few seconds; after a run, {@code cli/target/realnginx/} holds the conf, the error log and the six
 * access logs.
 */
package io.ngxtime.cli.realnginx;
