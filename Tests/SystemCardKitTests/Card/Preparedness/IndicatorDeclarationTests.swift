import Testing

@testable import SystemCardKit

/// Every indicator a registered evaluation declares names a metric it reports (and a group it reports by),
/// rises with risk the way that metric does, has ordered thresholds inside its unit, and cites a source for
/// every level.
struct IndicatorDeclarationTests {
    @Test func everyDeclaredIndicatorIsConsistentWithItsEvaluation() throws {
        let registry = EvaluationRegistry.builtIn
        var declared = 0
        for descriptor in registry.descriptors {
            let evaluation = try descriptor.evaluation()
            let metrics = CardMetricInfo.all(of: evaluation)
            for indicator in descriptor.indicators {
                declared += 1
                let name = indicator.metric
                #expect(indicator.evaluation == descriptor.name)
                #expect(indicator.category?.isPreparednessCategory == true, "\(name) indicates no category")
                let metric = try #require(metrics.first { $0.name == indicator.metricName }, "\(name): no such metric")
                if let open = indicator.metricLabel.firstIndex(of: "[") {
                    let field = indicator.metricLabel[indicator.metricLabel.index(after: open)...]
                        .prefix { $0 != "=" }
                    #expect(metric.groupBy.contains(String(field)), "\(name): not reported by \(field)")
                }
                let riskier: RiskDirection = metric.higherIsBetter ? .lower : .higher
                #expect(indicator.thresholds.riskier == riskier, "\(name): its risk must move with the metric")
                #expect(indicator.thresholds.isOrdered, "\(name)")
                for step in indicator.thresholds.steps {
                    #expect(indicator.unit.contains(step.threshold), "\(name): \(step.level) outside its unit")
                }
                for level in RiskLevel.allCases.dropFirst() {
                    #expect(indicator.thresholds.sources[level]?.isEmpty == false, "\(name): no source for \(level)")
                }
                #expect(!indicator.summary.isEmpty)
            }
        }
        #expect(declared >= 5)
    }

    @Test func onlyPreparednessEvaluationsDeclareIndicators() {
        for descriptor in EvaluationRegistry.builtIn.descriptors where !descriptor.indicators.isEmpty {
            #expect(descriptor.section.isPreparednessCategory || descriptor.indicators.allSatisfy {
                $0.category?.isPreparednessCategory == true
            })
        }
    }
}
