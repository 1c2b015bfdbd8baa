package nnlab.display;

/**
 * An object that has an HTML rendering for notebooks besides its plain-text {@code toString()}.
 *
 * <p>The Java kernel shows such objects as {@code text/html} plus {@code text/plain}; tables like
 * {@code History} and {@code ConfusionMatrix} implement it.
 */
public interface HtmlDisplayable {
    /** A self-contained HTML fragment (no {@code <html>} or {@code <body>}). */
    String toHtml();
}
