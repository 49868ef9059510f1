"""The overview's charts as inline SVG: present.chart's shapes, one element each.

Written as XML (namespace declared, every attribute quoted, text escaped) so the same markup is
valid in the HTML page, the EPUB's XHTML and the page WeasyPrint lays out. The texts take the
page's body font (given as an attribute: WeasyPrint's SVG does not see the page's style sheet).
"""

from __future__ import annotations

from markupsafe import Markup, escape

from tgreport.present import chart


def _n(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def svg(fig: chart.Figure, key: object, family: str) -> Markup:
    """`fig` as an <svg> element, as wide as its container, its texts in the CSS font-family
    `family`; `key` makes its ids unique in the page."""
    title_id = f"chart-{key}"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-labelledby="{title_id}"'
        f' viewBox="0 0 {_n(fig.width)} {_n(fig.height)}" width="100%" font-family="{escape(str(family))}">',
        f'<title id="{title_id}">{escape(fig.title)}</title>',
    ]
    for shape in fig.shapes:
        if isinstance(shape, chart.Rect):
            out.append(f'<rect x="{_n(shape.x)}" y="{_n(shape.y)}" width="{_n(shape.width)}"'
                       f' height="{_n(shape.height)}" fill="{shape.fill}"/>')
        elif isinstance(shape, chart.Line):
            out.append(f'<line x1="{_n(shape.x1)}" y1="{_n(shape.y1)}"'
                       f' x2="{_n(shape.x2)}" y2="{_n(shape.y2)}"'
                       f' stroke="{shape.stroke}" stroke-width="0.5"/>')
        else:
            weight = ' font-weight="bold"' if shape.bold else ""
            out.append(f'<text x="{_n(shape.x)}" y="{_n(shape.y)}" font-size="{_n(shape.size)}"'
                       f' text-anchor="{shape.anchor}"{weight}>{escape(shape.text)}</text>')
    out.append("</svg>")
    return Markup("".join(out))

