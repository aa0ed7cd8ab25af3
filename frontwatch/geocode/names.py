"""General name tables a gazetteer needs beside GeoNames: demonyms, common abbreviations, continents and regions.

These are facts about the world's naming conventions (not about any article): a demonym names its country,
"U.K." is the United Kingdom, "Ky." is Kentucky in AP style, "Europe" is a continent with GeoNames' point.
"""

from __future__ import annotations

DEMONYMS: dict[str, str] = {
    "afghan": "AF", "afghans": "AF", "albanian": "AL", "algerian": "DZ", "american": "US", "americans": "US",
    "argentine": "AR", "argentinian": "AR", "armenian": "AM", "australian": "AU", "australians": "AU",
    "austrian": "AT", "azerbaijani": "AZ", "bahraini": "BH", "bangladeshi": "BD", "belarusian": "BY",
    "belgian": "BE", "bolivian": "BO", "bosnian": "BA", "brazilian": "BR", "british": "GB", "briton": "GB",
    "britons": "GB", "bulgarian": "BG", "burmese": "MM", "cambodian": "KH", "cameroonian": "CM", "canadian": "CA",
    "canadians": "CA", "chadian": "TD", "chilean": "CL", "chinese": "CN", "colombian": "CO", "congolese": "CD",
    "croatian": "HR", "cuban": "CU", "cypriot": "CY", "czech": "CZ", "danish": "DK", "dutch": "NL",
    "ecuadorian": "EC", "egyptian": "EG", "egyptians": "EG", "emirati": "AE", "english": "GB", "eritrean": "ER",
    "estonian": "EE", "ethiopian": "ET", "filipino": "PH", "finnish": "FI", "french": "FR", "georgian": "GE",
    "german": "DE", "germans": "DE", "ghanaian": "GH", "greek": "GR", "guatemalan": "GT", "haitian": "HT",
    "honduran": "HN", "hungarian": "HU", "icelandic": "IS", "indian": "IN", "indians": "IN", "indonesian": "ID",
    "iranian": "IR", "iranians": "IR", "iraqi": "IQ", "iraqis": "IQ", "irish": "IE", "israeli": "IL",
    "israelis": "IL", "italian": "IT", "ivorian": "CI", "jamaican": "JM", "japanese": "JP", "jordanian": "JO",
    "kazakh": "KZ", "kenyan": "KE", "korean": "KR", "kosovar": "XK", "kuwaiti": "KW", "kyrgyz": "KG",
    "lao": "LA", "latvian": "LV", "lebanese": "LB", "liberian": "LR", "libyan": "LY", "lithuanian": "LT",
    "malaysian": "MY", "malian": "ML", "mauritanian": "MR", "mexican": "MX", "mexicans": "MX", "moldovan": "MD",
    "mongolian": "MN", "moroccan": "MA", "mozambican": "MZ", "namibian": "NA", "nepalese": "NP", "nepali": "NP",
    "nigerian": "NG", "nigerien": "NE", "norwegian": "NO", "omani": "OM", "pakistani": "PK", "pakistanis": "PK",
    "palestinian": "PS", "palestinians": "PS", "panamanian": "PA", "paraguayan": "PY", "peruvian": "PE",
    "polish": "PL", "portuguese": "PT", "qatari": "QA", "romanian": "RO", "russian": "RU", "russians": "RU",
    "rwandan": "RW", "saudi": "SA", "saudis": "SA", "scottish": "GB", "senegalese": "SN", "serbian": "RS",
    "singaporean": "SG", "slovak": "SK", "slovenian": "SI", "somali": "SO", "somalis": "SO",
    "south african": "ZA", "south korean": "KR", "north korean": "KP", "south sudanese": "SS", "spanish": "ES",
    "sri lankan": "LK", "sudanese": "SD", "swedish": "SE", "swiss": "CH", "syrian": "SY", "syrians": "SY",
    "taiwanese": "TW", "tajik": "TJ", "tanzanian": "TZ", "thai": "TH", "tunisian": "TN", "turkish": "TR",
    "turkmen": "TM", "ugandan": "UG", "ukrainian": "UA", "ukrainians": "UA", "uruguayan": "UY", "uzbek": "UZ",
    "venezuelan": "VE", "vietnamese": "VN", "welsh": "GB", "yemeni": "YE", "zambian": "ZM", "zimbabwean": "ZW",
}

# Abbreviations that are not ISO codes, and AP-style US state abbreviations; values are names GeoNames knows.
ABBREVIATIONS: dict[str, str] = {
    "u.s.": "United States", "u.s": "United States", "usa": "United States", "u.s.a.": "United States",
    "us": "United States", "uk": "United Kingdom", "u.k.": "United Kingdom", "u.k": "United Kingdom",
    "uae": "United Arab Emirates", "u.a.e.": "United Arab Emirates", "drc": "Democratic Republic of the Congo",
    "ala.": "Alabama", "ariz.": "Arizona", "ark.": "Arkansas", "calif.": "California", "colo.": "Colorado",
    "conn.": "Connecticut", "del.": "Delaware", "fla.": "Florida", "ga.": "Georgia", "ill.": "Illinois",
    "ind.": "Indiana", "kan.": "Kansas", "ky.": "Kentucky", "la.": "Louisiana", "md.": "Maryland",
    "mass.": "Massachusetts", "mich.": "Michigan", "minn.": "Minnesota", "miss.": "Mississippi", "mo.": "Missouri",
    "mont.": "Montana", "neb.": "Nebraska", "nev.": "Nevada", "n.h.": "New Hampshire", "n.j.": "New Jersey",
    "n.m.": "New Mexico", "n.y.": "New York", "n.c.": "North Carolina", "n.d.": "North Dakota", "okla.": "Oklahoma",
    "ore.": "Oregon", "pa.": "Pennsylvania", "r.i.": "Rhode Island", "s.c.": "South Carolina", "s.d.": "South Dakota",
    "tenn.": "Tennessee", "tex.": "Texas", "vt.": "Vermont", "va.": "Virginia", "wash.": "Washington",
    "w.va.": "West Virginia", "wis.": "Wisconsin", "wyo.": "Wyoming", "d.c.": "Washington, D.C.",
    "b.c.": "British Columbia", "nsw": "New South Wales", "n.s.w.": "New South Wales", "qld": "Queensland",
    "ont.": "Ontario", "que.": "Quebec", "alta.": "Alberta", "sask.": "Saskatchewan", "man.": "Manitoba",
}

# Continents and large regions with GeoNames' points (CONT / RGN features).
REGIONS: dict[str, tuple[float, float]] = {
    "europe": (48.69096, 9.14062), "africa": (7.1881, 21.09375), "asia": (29.84064, 89.29688),
    "north america": (46.07323, -100.54688), "south america": (-14.60485, -57.65625),
    "oceania": (-18.31281, 138.51562), "antarctica": (-78.15856, 16.40626), "middle east": (27.0, 45.0),
    "latin america": (-14.60485, -57.65625), "central asia": (45.0, 68.0), "southeast asia": (10.0, 106.0),
    "east africa": (1.0, 38.0), "west africa": (12.0, -2.0), "north africa": (27.0, 17.0),
    "the balkans": (43.0, 21.0), "balkans": (43.0, 21.0), "scandinavia": (62.0, 14.0), "caribbean": (15.0, -73.0),
    "the caribbean": (15.0, -73.0), "sub-saharan africa": (0.0, 20.0), "gulf": (26.0, 52.0),
}

# Words that name a bloc, a direction or an abstraction, never the place of an event.
NOT_PLACES = frozenset(
    {"the west", "west", "the east", "east", "the north", "north", "the south", "south", "western", "eastern",
     "the international community", "the world", "world", "nato", "the un", "un", "eu", "the eu"}
)

# Short, former and conventional English names of countries that countryInfo's one name leaves out (GeoNames keeps
# them as alternate names of the country features, which the shared files do not carry); values are ISO2 codes.
COUNTRY_ALIASES: dict[str, str] = {
    "britain": "GB", "great britain": "GB", "burma": "MM", "holland": "NL", "ivory coast": "CI",
    "cote d'ivoire": "CI", "cape verde": "CV", "cabo verde": "CV", "zaire": "CD", "dr congo": "CD",
    "d.r. congo": "CD", "congo-kinshasa": "CD", "congo-brazzaville": "CG", "macedonia": "MK", "swaziland": "SZ",
    "eswatini": "SZ", "east timor": "TL", "czech republic": "CZ", "czechia": "CZ", "soviet union": "RU",
    "ussr": "RU", "russian federation": "RU", "the vatican": "VA", "vatican": "VA", "bosnia": "BA",
    "palestine": "PS", "the gambia": "GM", "turkiye": "TR", "türkiye": "TR", "republic of korea": "KR",
    "the netherlands": "NL", "the philippines": "PH", "the bahamas": "BS", "timor-leste": "TL",
}
