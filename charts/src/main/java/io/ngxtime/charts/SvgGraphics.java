package io.ngxtime.charts;

import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.w3c.dom.Element;

/**
 * Batik's SVG generator with {@link ElementGroups}: a group takes what was drawn since it began
 * (Batik's top-level group is swapped out and back) and is appended, with its id and class, to the
 * enclosing content. Copies made by {@link #create()} draw into the same tree but cannot open groups.
 */
final class SvgGraphics extends SVGGraphics2D implements ElementGroups {
    private record Open(Element outer, String id, String cssClass) {
    }

    private final Deque<Open> open = new ArrayDeque<>();

    SvgGraphics(SVGGeneratorContext context) {
        super(context, false);
    }

    @Override
    public void beginGroup(String id, String cssClass) {
        open.push(new Open(getTopLevelGroup(false), id, cssClass));
    }

    @Override
    public void endGroup() {
        Open o = open.pop();
        Element inner = getTopLevelGroup(false);
        inner.setAttribute("id", o.id());
        inner.setAttribute("class", o.cssClass());
        o.outer().appendChild(inner);
        setTopLevelGroup(o.outer());
    }
}
