package io.ngxtime.analyzer.live;

import java.util.List;

/**
 * One frame's alerts, each list in the order the rules were given (the surge rule last unless given).
 *
 * @param firing      the rules that hold at this frame
 * @param transitions what changed since the frame before (fired, cleared, became unknown)
 * @param unknown     the rules whose figure this frame does not give
 */
public record AlertEvaluation(List<Alert> firing, List<AlertTransition> transitions, List<UnknownAlert> unknown) {
    public AlertEvaluation {
        firing = List.copyOf(firing);
        transitions = List.copyOf(transitions);
        unknown = List.copyOf(unknown);
    }
}
