import SitrepCore

extension Array where Element == Attribution {
    /// The attribution with the smallest scope that contains `range`, or `nil` when nobody is cited for it.
    public func covering(_ range: TextRange) -> Attribution? {
        var best: Attribution?
        for a in self where a.scope.contains(range) {
            if best == nil || a.scope.length < best!.scope.length { best = a }
        }
        return best
    }
}
