import SitrepCore

/// A one-line summary of a canonical event from its fields: "Transfer of about 400 fighters (Islamic State)
/// from Deir ez-Zor to Idlib by Syrian government, 2018-09-23".
enum EventSummary {
    static func text(_ r: EventRecord) -> String {
        let typeName = r.type.rawValue.replacingOccurrences(of: "_", with: " ")
        var s = typeName.prefix(1).uppercased() + typeName.dropFirst()
        if let mode = r.mode { s += " (\(mode.rawValue.replacingOccurrences(of: "_", with: " ")))" }
        let patients = r.actors.filter { $0.role == .patient }.map(\.name)
        if let c = r.count {
            s += " of \(EventBuilder.figure(c))" + (c.of.map { " " + $0 } ?? "")
            if !patients.isEmpty { s += " (\(patients.joined(separator: ", ")))" }
        } else if !patients.isEmpty {
            s += " of " + patients.joined(separator: ", ")
        }
        if let o = r.origin { s += " from \(o.name)" }
        if let d = r.destination { s += " to \(d.name)" }
        if let l = r.location { s += " in \(l.name)" }
        let agents = r.actors.filter { $0.role == .agent }.map(\.name)
        if !agents.isEmpty { s += " by " + agents.joined(separator: ", ") }
        let parties = r.actors.filter { $0.role == .party }.map(\.name)
        if !parties.isEmpty { s += " between " + parties.joined(separator: " and ") }
        let recipients = r.actors.filter { $0.role == .recipient }.map(\.name)
        if !recipients.isEmpty { s += " to " + recipients.joined(separator: ", ") }
        if let f = r.fatalities { s += ", \(EventBuilder.figure(f)) killed" }
        if let d = r.date { s += d.start == d.end ? ", \(d.start.iso)" : ", \(d.start.iso)…\(d.end.iso)" }
        if r.certainty == .denied { s += " (denied)" }
        return s
    }
}
