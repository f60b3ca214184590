#!/usr/bin/env python3
"""Builds Sources/SitrepKnowledge/Resources/ner-gazetteer.txt: place names the named-entity recogniser
uses as a feature (a token run that is a place name gets a gazetteer mark; the model learns how far
to trust it).

Sources (see ../shared/data/gazetteer/SOURCE.md and SOURCE-geonames.md):
  GeoNames countryInfo.txt, cities15000.txt (name, asciiname), region_cities500.tsv (name and Latin
  alternate names, Middle East) and admin1CodesASCII.txt (region countries only) - CC BY 4.0;
  OCHA Syria populated places (name_en, Latin alt_names) - CC BY-IGO.
Usage: scripts/build-ner-gazetteer.py [DATA_DIR] > Sources/SitrepKnowledge/Resources/ner-gazetteer.txt
"""
import csv, sys, unicodedata, os
data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '../../shared/data/gazetteer')
region = {'SY', 'IQ', 'JO', 'LB', 'TR', 'IL', 'PS', 'IR', 'SA', 'EG', 'KW', 'QA', 'AE', 'YE', 'OM', 'BH'}
names = set()

def latin(s):
    return all(ord(c) < 0x250 or c in '‘’ʿʾ' for c in s)

def add(n):
    n = unicodedata.normalize('NFC', n.strip())
    if len(n) < 3 or not latin(n) or not n[0].isupper() or any(ch.isdigit() for ch in n) or '(' in n:
        return
    if len(n.split()) > 5:
        return
    names.add(n)

for line in open(os.path.join(data, 'countryInfo.txt'), encoding='utf-8-sig'):
    if line.startswith('#'): continue
    f = line.rstrip('\n').split('\t')
    if len(f) > 4: add(f[4])
for line in open(os.path.join(data, 'admin1CodesASCII.txt'), encoding='utf-8'):
    f = line.rstrip('\n').split('\t')
    if f[0].split('.')[0] in region:
        add(f[1]); add(f[2])
for line in open(os.path.join(data, 'cities15000.txt'), encoding='utf-8'):
    f = line.rstrip('\n').split('\t')
    add(f[1]); add(f[2])
with open(os.path.join(data, 'region_cities500.tsv'), encoding='utf-8') as fh:
    for row in csv.DictReader(fh, delimiter='\t'):
        add(row['name'])
        if row['countrycode'] in ('SY', 'IQ', 'JO', 'LB'):
            for a in row['alternatenames'].split(','): add(a)
with open(os.path.join(data, 'ocha-syria-places.tsv'), encoding='utf-8') as fh:
    for row in csv.DictReader(fh, delimiter='\t'):
        add(row['name_en'])
        for a in row['alt_names'].split(';'): add(a)
        for k in ('admin1_en', 'admin2_en'): add(row[k])

print('# Place names for the named-entity recogniser\'s gazetteer feature, one per line (NFC, sorted).')
print('# Built by scripts/build-ner-gazetteer.py from GeoNames (CC BY 4.0) and OCHA Syria (CC BY-IGO).')
for n in sorted(names):
    print(n)
