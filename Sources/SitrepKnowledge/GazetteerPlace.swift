import SitrepCore

/// What kind of feature a gazetteer entry is; decides its precision and its prior.
public enum GazetteerPlaceKind: UInt8, Sendable, Hashable, CaseIterable {
    case continent, country, admin1, admin2, region, city, neighbourhood

    /// The kind column of gazetteer.tsv / places-extra.tsv.
    public init?(code: String) {
        switch code {
        case "K", "continent": self = .continent
        case "C", "country": self = .country
        case "A1", "admin1": self = .admin1
        case "A2", "admin2": self = .admin2
        case "R", "region": self = .region
        case "P", "city": self = .city
        case "N", "neighbourhood": self = .neighbourhood
        default: return nil
        }
    }

    /// `init(code:)` on the column's bytes (no string made and compared case by case).
    init?(code b: UnsafeBufferPointer<UInt8>) {
        switch b.count {
        case 1:
            switch b[0] {
            case 0x4B: self = .continent  // K
            case 0x43: self = .country  // C
            case 0x52: self = .region  // R
            case 0x50: self = .city  // P
            case 0x4E: self = .neighbourhood  // N
            default: return nil
            }
        case 2:
            guard b[0] == 0x41 else { return nil }  // A1, A2
            if b[1] == 0x31 { self = .admin1 } else if b[1] == 0x32 { self = .admin2 } else { return nil }
        default:
            self.init(code: String(decoding: b, as: UTF8.self))
        }
    }

    public var precision: PlaceRef.Precision {
        switch self {
        case .continent, .region: return .region
        case .country: return .country
        case .admin1: return .admin1
        case .admin2: return .region
        case .city: return .city
        case .neighbourhood: return .district
        }
    }
}

/// One gazetteer entry.
public struct GazetteerPlace: Sendable, Hashable {
    /// `geonames:170794`, `ocha:C6034`, `sitrep:yarmouk-basin`.
    public var id: String
    public var kind: GazetteerPlaceKind
    public var name: String
    public var lat: Double
    public var lon: Double
    /// ISO 3166-1 alpha-2, empty for continents.
    public var country: String
    /// GeoNames first-level division code within the country (`07`), may be empty.
    public var admin1Code: String
    public var population: Int

    public init(id: String, kind: GazetteerPlaceKind, name: String, lat: Double, lon: Double, country: String,
                admin1Code: String, population: Int) {
        self.id = id; self.kind = kind; self.name = name; self.lat = lat; self.lon = lon
        self.country = country; self.admin1Code = admin1Code; self.population = population
        self.admin1Key = country + "." + admin1Code
    }

    /// With the division key already made (`country + "." + admin1Code`).
    init(id: String, kind: GazetteerPlaceKind, name: String, lat: Double, lon: Double, country: String,
         admin1Code: String, population: Int, admin1Key: String) {
        self.id = id; self.kind = kind; self.name = name; self.lat = lat; self.lon = lon
        self.country = country; self.admin1Code = admin1Code; self.population = population
        self.admin1Key = admin1Key
    }

    /// `SY.07`, the key of its first-level division.
    public private(set) var admin1Key: String
}
