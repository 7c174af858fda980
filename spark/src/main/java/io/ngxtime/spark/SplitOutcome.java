package io.ngxtime.spark;

import io.ngxtime.analyzer.record.LineSample;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What reading one split found besides its aggregation, small enough to bring every split's to the driver:
 * its lines, its rejected lines by reason, its first rejected and noted lines (numbered from the split's first
 * line: the driver adds the lines of the splits before) and why it could not be read to its end.
 *
 * @param lines         lines the split owns that were read
 * @param rejected      of them, rejected
 * @param reasons       the rejected lines by reason, bounded as {@code Rejects} bounds them
 * @param rejectSamples the split's first rejected lines (of the window), at most the report's sample count
 * @param noteSamples   the split's first accepted lines with a note, as many
 * @param readError     why reading stopped early (one line), or null
 * @param linesBeforeError lines read before {@code readError}
 * @param located       the error says itself where it broke (damaged compressed data)
 */
record SplitOutcome(FileSplit split, long lines, long rejected, Map<String, Long> reasons, List<LineSample> rejectSamples,
                    List<LineSample> noteSamples, String readError, long linesBeforeError, boolean located)
        implements Serializable {
}
