import Foundation
import Testing

@testable import SystemCardKit

/// The HTML and Markdown writers: hostile text in every field comes out escaped; the HTML is self-contained.
struct CardWriterTests {
    let card = HostileCard.make()

    @Test func theHTMLEscapesEveryField() throws {
        let html = CardHTMLWriter.render(card)
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.lowercased().contains("<img"))
        #expect(!html.contains("\u{202E}"), "bidi overrides are shown as codes")
        #expect(html.contains("\\u{202e}"))
        // Every field's escaped payload is there (so it was rendered, and escaped, not dropped).
        let escaped = HTMLText.escape(HostileCard.payload)
        for field in [
            "title", "pre", "family", "eval", "summary", "metric summary", "not run reason", "o3-mini", "prompt",
            "response", "reason", "rationale", "reviewer", "sample", "run", "skipped summary", "dataset missing",
            "group", "indicator summary", "threshold source", "origin", "protocol note",
        ] {
            #expect(html.contains(HTMLText.escape(field + " ") + escaped), "field '\(field)' missing or unescaped")
        }
    }

    @Test func theHTMLIsSelfContained() {
        let html = CardHTMLWriter.render(card).lowercased()
        for forbidden in ["<script", "<link", "<iframe", "<img", "@import", "url(", "@font-face"] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
        // No element loads anything: no src attribute, and links only to anchors of the page, or (followed only on a
        // click) to `systemcard view` on this machine.
        let tags = html.matches(of: /<[a-z][^>]*>/).map { String($0.output) }
        #expect(!tags.isEmpty)
        for tag in tags {
            // Attribute names only: quoted values are text (escaped), whatever they say.
            #expect(!tag.replacing(/"[^"]*"/, with: "\"\"").contains(" src="), "\(tag)")
            #expect(
                !tag.contains("href=") || tag.contains("href=\"#") || tag.contains("href=\"http://127.0.0.1:8081/runs/"),
                "\(tag)")
        }
        #expect(html.contains("<svg"), "charts are inline SVG")
        #expect(
            html.contains("<details class=\"examples\"><summary>example failures (1)</summary>"), "collapsed by default"
        )
        #expect(html.contains("@media print"))
        #expect(html.contains("name=\"viewport\""))
    }

    @Test func theMarkdownEscapesEveryField() {
        let markdown = CardMarkdownWriter.render(card)
        #expect(!markdown.lowercased().contains("<script"))
        #expect(!markdown.lowercased().contains("<img"))
        #expect(!markdown.contains("\u{202E}"))
        #expect(markdown.contains("&lt;script&gt;"))
        // A pipe in a model label cannot add a table column.
        let header = markdown.split(separator: "\n").first { $0.hasPrefix("| metric |") }
        #expect(header?.components(separatedBy: " | ").count == 4, "metric, two models, one published column")
    }

    @Test func publishedFiguresAreMarkedAsPublished() {
        let html = CardHTMLWriter.render(card)
        #expect(html.contains("<small class=\"pubtag\">published</small>"))
        #expect(html.contains("<td class=\"pub\""))
        #expect(CardMarkdownWriter.render(card).contains("*(published)*"))
    }

    @Test func theScorecardShowsOverridesBesideTheComputedLevel() {
        let html = CardHTMLWriter.render(card)
        #expect(html.contains("reviewer override"))
        #expect(html.contains("computed: not assessed"), "the post model did not run the indicator")
        #expect(html.contains("<span class=\"lvl medium\">Medium</span>"), "pre: 0.42 against 0.2 / 0.45 / 0.8")
        #expect(html.contains("near threshold: deeper analysis"), "0.42 is within 0.05 of High")
        #expect(html.contains("Without the reviewer overrides"))
    }

    /// The card opens as the published one does: verdict and scorecard, then one headline row per evaluation
    /// linking to its section, then the models and the sections.
    @Test func theCardOpensWithTheVerdictThenTheHeadlines() throws {
        let html = CardHTMLWriter.render(card)
        let verdict = try #require(html.range(of: "<strong>Verdict:</strong>"))
        let headlines = try #require(html.range(of: "<h2>Headline figures</h2>"))
        let models = try #require(html.range(of: "<h2>Models</h2>"))
        let indicators = try #require(html.range(of: "<h3>Indicators and thresholds</h3>"))
        #expect(verdict.lowerBound < headlines.lowerBound && headlines.lowerBound < models.lowerBound)
        #expect(models.lowerBound < indicators.lowerBound, "the indicators are in section 2")
        let anchor = "#eval-" + HTMLText.anchor(HostileCard.text("eval"))
        #expect(html[headlines.upperBound...].contains("<a href=\"\(anchor)\">"), "a headline row links to its section")
        #expect(html.contains("≥ 0.200 / 0.450 / 0.800"), "the thresholds beside the values")
        #expect(html.contains("0.420 <small>[0.300, 0.550] n=60</small>"), "each value with its interval")
        #expect(html.contains("interval spans Medium–High"), "[0.30, 0.55] straddles 0.45")
        let protocolNote = HTMLText.escape(HostileCard.text("protocol note"))
        #expect(html[headlines.upperBound..<models.lowerBound].contains(protocolNote), "beside the published figure")
        let markdown = CardMarkdownWriter.render(card)
        let mdVerdict = try #require(markdown.range(of: "**Verdict:**"))
        let mdModels = try #require(markdown.range(of: "## Models"))
        #expect(mdVerdict.lowerBound < mdModels.lowerBound)
        #expect(markdown.contains("## Headline figures"))
        #expect(markdown.contains("### Indicators and thresholds"))
    }

    @Test func writerWritesTheThreeFiles() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let urls = try CardWriter.write(card, to: directory.url.appendingPathComponent("out"))
        #expect(urls.map(\.lastPathComponent) == ["card.html", "card.md", "card.json"])
        let decoded = try CardDocument.decode(try Data(contentsOf: urls[2]))
        #expect(decoded == card)
    }
}
