/**
 * nginx {@code log_format}s and the lines they produce.
 *
 * <p>{@link io.ngxtime.grammar.LogFormats} compiles format text (parsed by the {@code LogFormat.g4}
 * grammar) into a {@link io.ngxtime.grammar.LogFormat}; {@link io.ngxtime.grammar.Preset} holds the
 * well-known ones. A format makes
 * {@link io.ngxtime.grammar.LineParser}s: compiled matchers that read a line's bytes into a reusable
 * {@link io.ngxtime.grammar.LogRecord} with no allocation (about 0.5 µs a line). Times are microseconds,
 * instants epoch milliseconds with the logged zone offset. {@link io.ngxtime.grammar.NginxVariables} is
 * the registry of the variables nginx and its common modules define, to tell a typo from a variable;
 * {@link io.ngxtime.grammar.JsonLogFormat} infers a JSON log's format from one of its lines.
 *
 * <h2>How a line is read</h2>
 * Two parsers implement these rules independently and are held equal by the differential tests: the
 * compiled matcher ({@code CompiledLineParser}) and the reference parser ({@code ReferenceLineParser}
 * in the {@code reference} package, built on {@code LineValues.g4}).
 * <ul>
 *   <li><b>Literals</b> match byte for byte. The trailing spaces and tabs of the format's last part may
 *       be missing (a shipper trimmed the line).</li>
 *   <li><b>Typed variables</b> ({@link io.ngxtime.grammar.FieldKind}: times, {@code $status}, counts,
 *       seconds, the {@code $upstream_*} lists) read what their syntax allows and end where it ends.
 *       {@code $status} is three digits. A variable nginx had no value for is {@code -}; with
 *       {@code escape=json} and {@code escape=none} nginx writes nothing instead, so there counts,
 *       seconds and upstream lists may be empty, meaning "not logged".</li>
 *   <li><b>Values whose end is a choice</b>: free text ({@code $request}, headers, any variable ngxtime
 *       does not type), and the tokens {@code $remote_addr} (one address: IPv4, IPv6 or {@code unix:}),
 *       {@code $request_method} (an HTTP token) and {@code $host} (no space, quote or slash). Their
 *       candidate ends are tried in this order:
 *       <ul>
 *         <li>a token: from the longest run of its characters down to one character (down to none for a
 *             method or host with escape=json or escape=none), each that is a whole token (an address
 *             must be an address);</li>
 *         <li>free text that ends the format: the end of the line;</li>
 *         <li>free text followed by a literal: every position the scan passes where the literal matches,
 *             leftmost first; {@code $request} tries first the end after which it reads as
 *             {@code METHOD target HTTP/version}, so an unquoted request line is read whole;</li>
 *         <li>free text followed directly by another variable: positions up to the format's next literal
 *             (or the end) where the next variable can begin (a digit or {@code -} before a number, a
 *             {@code /} before a path), leftmost first; before a variable of any other kind, the furthest
 *             first, then from the shortest up.</li>
 *       </ul>
 *       The scan of free text steps over an escape pair ({@code \x22}, {@code \"}) as one, and ends at a
 *       raw {@code "} with escape=default and escape=json: nginx escapes every quote inside a value.</li>
 *   <li>A reading that does not fit goes back to the latest choice and takes its next candidate (depth
 *       first). A line is accepted by the first reading that fits, and rejected when none does, or when
 *       more than 1,000 candidates were tried.</li>
 *   <li>A rejected line's reason is the furthest point reached by a <em>likely</em> reading (one that
 *       takes one of the first two candidates at every choice): the column, what the format expected
 *       there and what the line had.</li>
 *   <li>The request's method, target and protocol come from {@code $request} when it reads as
 *       {@code METHOD target [HTTP/version]}; otherwise from {@code $request_method}, {@code $request_uri}
 *       (or {@code $uri} / {@code $document_uri} with {@code ?$args} / {@code ?$query_string}) and
 *       {@code $server_protocol}, where the format logs them.</li>
 * </ul>
 *
 * <h2>Packages</h2>
 * Dependencies point one way: {@code conf} (nginx.conf) and {@code reference} (the reference line
 * parser) build on this package, which does not name them (its documentation included); all three use
 * the generated {@code antlr} package, which uses none of them. {@code GrammarArchitectureTest} holds
 * the compiled classes to this.
 */
package io.ngxtime.grammar;
