/// One measured figure of a card: a run's ``MetricResult`` (overall or for one group) with its 95% interval.
typealias CardFigure = MetricResult
