//! Charts for the HTML statistics page: self-contained SVG, no script, no external fonts.
//!
//! A renderer like the others: labels and values in, text out. Labels are escaped; the font
//! list prefers the Chinese system fonts of Windows, macOS and Linux.

use std::fmt::Write as _;

use super::html::escape;

/// Font families for Chinese labels, in order of preference.
pub const FONT_FAMILY: &str = "'Microsoft YaHei','PingFang SC','Hiragino Sans GB','Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Micro Hei','SimHei',sans-serif";

const WIDTH: f64 = 720.0;
const BAR_HEIGHT: f64 = 22.0;
const GAP: f64 = 8.0;
const TOP: f64 = 44.0;
const FONT_SIZE: f64 = 14.0;
const VALUE_ROOM: f64 = 64.0;

/// A horizontal bar chart, one bar per `(label, value)`, in the given order.
///
/// Values below zero or not finite are drawn as zero-length bars but printed as given.
///
/// ```
/// let svg = lifa::report::chart::bar_svg("各联系点意见数", &[("青溪街道", 42.0), ("白沙镇", 17.0)]);
/// assert!(svg.starts_with("<svg") && svg.contains("青溪街道"));
/// ```
pub fn bar_svg<S: AsRef<str>>(title: &str, bars: &[(S, f64)]) -> String {
    let label_width = bars
        .iter()
        .map(|(l, _)| text_width(l.as_ref()))
        .fold(0.0_f64, f64::max)
        .clamp(40.0, 260.0)
        + 12.0;
    let max = bars
        .iter()
        .map(|(_, v)| *v)
        .filter(|v| v.is_finite())
        .fold(0.0_f64, f64::max);
    let plot = WIDTH - label_width - VALUE_ROOM;
    let height = TOP + bars.len() as f64 * (BAR_HEIGHT + GAP) + GAP;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height}\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-label=\"{t}\" font-family=\"{FONT_FAMILY}\" font-size=\"{FONT_SIZE}\">\n<title>{t}</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n<text x=\"{x}\" y=\"26\" text-anchor=\"middle\" font-size=\"17\" font-weight=\"bold\" fill=\"#111111\">{t}</text>\n",
        t = escape(title),
        x = WIDTH / 2.0,
    );
    for (i, (label, value)) in bars.iter().enumerate() {
        let y = TOP + i as f64 * (BAR_HEIGHT + GAP);
        let len = if max > 0.0 && value.is_finite() && *value > 0.0 {
            (value / max * plot).max(1.0)
        } else {
            0.0
        };
        let shown = fit(label.as_ref(), 260.0);
        let _ = writeln!(
            s,
            "<g><title>{full}：{v}</title><text x=\"{lx}\" y=\"{ty:.1}\" text-anchor=\"end\" fill=\"#222222\">{shown}</text><rect x=\"{label_width}\" y=\"{y}\" width=\"{len:.1}\" height=\"{BAR_HEIGHT}\" fill=\"#3b6ea5\"/><text x=\"{vx:.1}\" y=\"{ty:.1}\" fill=\"#222222\">{v}</text></g>",
            full = escape(label.as_ref()),
            shown = escape(&shown),
            v = number(*value),
            lx = label_width - 8.0,
            ty = y + BAR_HEIGHT / 2.0 + FONT_SIZE * 0.35,
            vx = label_width + len + 6.0,
        );
    }
    s.push_str("</svg>\n");
    s
}

/// Rough rendered width: CJK and other wide characters one em, the rest about half.
fn text_width(s: &str) -> f64 {
    s.chars()
        .map(|c| if c.is_ascii() { 0.55 } else { 1.0 } * FONT_SIZE)
        .sum()
}

/// The label cut to fit `max` pixels, with an ellipsis.
fn fit(s: &str, max: f64) -> String {
    if text_width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = FONT_SIZE;
    for c in s.chars() {
        w += text_width(c.encode_utf8(&mut [0; 4]));
        if w > max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// `42`, `3.5`.
fn number(v: f64) -> String {
    if v.is_finite() && v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else if v.is_finite() {
        format!("{v:.1}")
    } else {
        "—".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_scales() {
        let svg = bar_svg(
            "意见来源 <b>&",
            &[
                ("<script>alert(1)</script>".to_string(), 10.0),
                ("白沙镇".to_string(), 5.0),
                ("😀𠀀".to_string(), 0.0),
            ],
        );
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;"));
        assert!(svg.contains("意见来源 &lt;b&gt;&amp;"));
        assert!(svg.contains("😀𠀀"));
        assert!(svg.contains("Noto Sans CJK SC"));
        // The longest bar fills the plot, the half one half of it.
        let widths: Vec<f64> = svg
            .match_indices("<rect x=")
            .map(|(i, _)| {
                let rest = &svg[i..];
                let w = rest.find("width=\"").unwrap() + 7;
                rest[w..w + rest[w..].find('"').unwrap()].parse().unwrap()
            })
            .collect();
        assert_eq!(widths.len(), 3);
        assert!((widths[0] - 2.0 * widths[1]).abs() < 0.2, "{widths:?}");
        assert_eq!(widths[2], 0.0);
        assert_eq!(svg.matches("<g>").count(), 3);
    }

    #[test]
    fn odd_values() {
        let svg = bar_svg::<&str>("空", &[]);
        assert!(svg.ends_with("</svg>\n"));
        let svg = bar_svg("x", &[("a", f64::NAN), ("b", -3.0), ("c", 2.5)]);
        assert!(
            svg.contains(">—</text>") && svg.contains(">-3</text>") && svg.contains(">2.5</text>")
        );
        let long = "很长的联系点名称".repeat(10);
        let svg = bar_svg("x", &[(long.as_str(), 1.0)]);
        assert!(
            svg.contains('…') && svg.contains(&long),
            "the full label stays in the tooltip"
        );
    }
}
