package dev.raftops.sandbox.timeline;

/** SVG elements as text, every one with an optional {@code <title>} (a browser's hover text). */
final class Svg {

    private final StringBuilder out = new StringBuilder();

    Svg open(String element, String cls, String attribute, String value) {
        out.append('<').append(element).append(" class=\"").append(cls).append("\" ").append(attribute).append("=\"")
                .append(escape(value)).append("\">\n");
        return this;
    }

    Svg close(String element) {
        out.append("</").append(element).append(">\n");
        return this;
    }

    Svg line(String cls, double x1, double y1, double x2, double y2) {
        out.append("<line class=\"").append(cls).append("\" x1=\"").append(TimelinePage.fmt(x1)).append("\" y1=\"")
                .append(TimelinePage.fmt(y1)).append("\" x2=\"").append(TimelinePage.fmt(x2)).append("\" y2=\"")
                .append(TimelinePage.fmt(y2)).append("\"/>\n");
        return this;
    }

    Svg tick(String cls, double x, double y1, double y2, String title) {
        out.append("<line class=\"").append(cls).append("\" x1=\"").append(TimelinePage.fmt(x)).append("\" y1=\"")
                .append(TimelinePage.fmt(y1)).append("\" x2=\"").append(TimelinePage.fmt(x)).append("\" y2=\"")
                .append(TimelinePage.fmt(y2)).append("\">");
        return title(title, "line");
    }

    Svg text(String cls, double x, double y, String text) {
        out.append("<text class=\"").append(cls).append("\" x=\"").append(TimelinePage.fmt(x)).append("\" y=\"")
                .append(TimelinePage.fmt(y)).append("\">").append(escape(text)).append("</text>\n");
        return this;
    }

    Svg rect(String cls, double x, double y, double w, double h, String fill, String title, String... attributes) {
        out.append("<rect class=\"").append(cls).append("\" x=\"").append(TimelinePage.fmt(x)).append("\" y=\"")
                .append(TimelinePage.fmt(y)).append("\" width=\"").append(TimelinePage.fmt(Math.max(0.5, w)))
                .append("\" height=\"").append(TimelinePage.fmt(h)).append('"');
        if (fill != null) {
            out.append(" fill=\"").append(fill).append('"');
        }
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
        }
        out.append('>');
        return title(title, "rect");
    }

    Svg circle(String cls, double x, double y, double r, String title) {
        out.append("<circle class=\"").append(cls).append("\" cx=\"").append(TimelinePage.fmt(x)).append("\" cy=\"")
                .append(TimelinePage.fmt(y)).append("\" r=\"").append(TimelinePage.fmt(r)).append("\">");
        return title(title, "circle");
    }

    Svg polyline(String cls, String points, String title) {
        out.append("<polyline class=\"").append(cls).append("\" points=\"").append(points).append("\">");
        return title(title, "polyline");
    }

    private Svg title(String title, String element) {
        out.append("<title>").append(escape(title)).append("</title></").append(element).append(">\n");
        return this;
    }

    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
