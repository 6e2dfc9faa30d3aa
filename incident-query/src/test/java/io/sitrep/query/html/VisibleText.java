package io.sitrep.query.html;

import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The lines of text a reader sees in an element, as a browser lays them out without a stylesheet:
 * every block element on lines of its own, runs of white space (no-break spaces too) as one space,
 * empty lines dropped.
 */
public final class VisibleText {

    private VisibleText() {
    }

    public static List<String> lines(Element root) {
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.getWholeText().replaceAll("[\\s\\u00A0]+", " "));
                } else if (node instanceof Element element && (element.isBlock() || element.nameIs("br"))) {
                    text.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && element.isBlock()) {
                    text.append('\n');
                }
            }
        }, root);
        return text.toString().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
