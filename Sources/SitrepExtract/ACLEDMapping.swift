import SitrepCore

/// The ACLED sub-event type of one mention, from its type, mode and relations.
///
/// It refines `EventType.acled(mode:)` (CONTRACT.md §3) where ACLED's codebook files a strategic development
/// under "Agreement" rather than "Other": agreements between armed actors include prisoner exchanges and
/// releases, surrenders and evacuation deals, and talks towards them. A release, surrender or negotiation is
/// therefore an Agreement; a transfer (displacement, flight, evacuation) stays Other unless it carries out an
/// agreement told in the same text (`part_of`).
public enum ACLEDMapping {
    /// The ACLED category of `mention`; `agreements` holds the ids of the text's agreement mentions (for `part_of`).
    public static func category(_ mention: EventMention, agreements: Set<String> = []) -> ACLEDCategory {
        switch mention.type {
        case .release, .surrender, .negotiation:
            return ACLEDCategory(ACLEDCategory.strategic, "Agreement")
        case .transfer where mention.relations.contains { $0.relation == .partOf && agreements.contains($0.target) }:
            return ACLEDCategory(ACLEDCategory.strategic, "Agreement")
        default:
            return mention.type.acled(mode: mention.mode)
        }
    }

    /// The ACLED sub-event type of a text's main event among `mentions`.
    public static func subEventType(of main: EventMention, in mentions: [EventMention]) -> String {
        let agreements = Set(mentions.lazy.filter { $0.type == .agreement }.map(\.id))
        return category(main, agreements: agreements).subEventType
    }
}
