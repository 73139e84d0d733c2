"""Names, addresses of contact and identifiers that look like real French and English customers.

Accents, apostrophes, hyphens and particles are deliberate: search, sorting and display must cope
with Élodie Lefèvre, Jean-Baptiste N'Diaye and Siobhan O'Brien from the first demo.
"""

from __future__ import annotations

import random
import unicodedata

FR_FIRST_FEMALE = (
    "Élodie", "Hélène", "Anaïs", "Gaëlle", "Zoé", "Léa", "Chloé", "Inès", "Maëlys", "Céline",
    "Clémence", "Aurélie", "Cécile", "Marie-Claire", "Anne-Sophie", "Marie-Hélène", "Amélie", "Agnès",
    "Bérénice", "Joséphine", "Mélanie", "Valérie", "Thérèse", "Ségolène", "Nathalie", "Isabelle",
    "Sandrine", "Aïcha", "Fatima", "Awa", "Camille", "Manon", "Juliette", "Louise", "Pauline",
    "Émilie", "Noémie", "Margaux", "Océane", "Laëtitia", "Françoise", "Geneviève", "Sophie", "Lucie",
)  # fmt: skip
FR_FIRST_MALE = (
    "Jérôme", "François", "Noël", "Benoît", "Stéphane", "Sébastien", "Frédéric", "Loïc", "Raphaël",
    "Mathéo", "Théo", "Jean-Baptiste", "Jean-François", "Pierre-Yves", "Gérard", "Hervé", "René",
    "Félix", "Lucas", "Hugo", "Karim", "Mohamed", "Mamadou", "Thomas", "Nicolas", "Julien",
    "Antoine", "Maxime", "Yannick", "Gaël", "Cédric", "Grégoire", "Jean-Luc", "Éric", "Rémi", "Joël",
    "Hamza", "Quentin", "Baptiste", "Étienne",
)  # fmt: skip
FR_LAST = (
    "Lefèvre", "Dubois", "Martin", "Bernard", "Petit", "Durand", "Moreau", "Laurent", "Leroy", "Roux",
    "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Faure", "André",
    "Mercier", "Guérin", "Boyer", "Garnier", "Chevalier", "Gauthier", "Perrin", "Clément", "Morin",
    "Mathieu", "Masson", "Marchand", "Duval", "Lemaire", "Noël", "Dufour", "Meunier", "Blanchard",
    "Giraud", "Rivière", "Brunet", "Gaillard", "Barbier", "Renard", "Lacroix", "Leclerc", "Ménard",
    "Carré", "Léger", "Prévost", "Le Gall", "Le Roux", "Le Goff", "Rémy", "Lévêque", "Barré",
    "Maréchal", "Lemaître", "Bénard", "Barthélemy", "Étienne", "Delaunay", "N'Diaye", "Diallo",
    "Traoré", "Benali", "Haddad", "Nguyen", "d'Arcy", "de La Fontaine", "Le Bihan", "Kerbrat",
    "Da Silva", "Grondin", "Hoarau", "Payet", "Müller", "Schäfer", "Saint-Martin", "Dupré",
    "Cohen-Solal", "Boulanger", "Vasseur", "Lefebvre-Morel", "Ô", "Bouchet",
)  # fmt: skip
EN_FIRST_FEMALE = (
    "Siobhan", "Aoife", "Niamh", "Zoë", "Chloë", "Renée", "Mary-Kate", "Hannah", "Amelia", "Isla",
    "Olivia", "Emily", "Sophie", "Grace", "Ruby", "Freya", "Eleanor", "Siân", "Fiona", "Priya",
    "Zainab", "Charlotte", "Imogen", "Saoirse", "Bethan", "Ama",
)  # fmt: skip
EN_FIRST_MALE = (
    "Seán", "Oliver", "George", "Harry", "Jack", "Charlie", "Thomas", "James", "William", "Rhys",
    "Gareth", "Dafydd", "Ewan", "Aarav", "Chidi", "Kwame", "Connor", "Callum", "Alfie", "Ciarán",
    "Rory", "Tariq",
)  # fmt: skip
EN_LAST = (
    "O'Brien", "O'Connor", "O'Neill", "McCarthy", "MacDonald", "Smith", "Jones", "Williams", "Taylor",
    "Brown", "Davies", "Evans", "Wilson", "Roberts", "Thompson", "Wright", "Walker", "Hughes", "Green",
    "Clarke", "Patel", "Khan", "Singh", "Begum", "Hussain", "Ahmed", "Kaur", "Murphy", "Kelly",
    "Walsh", "Campbell", "Stewart", "Fletcher", "Griffiths", "Lloyd", "Smith-Jones", "ffrench",
    "Ní Bhriain", "Okafor", "Mensah", "Bennett", "Harrison", "Morgan", "Parker", "Cooper",
)  # fmt: skip

FR_EMAIL_DOMAINS = (
    "orange.fr", "free.fr", "wanadoo.fr", "laposte.net", "sfr.fr", "gmail.com", "hotmail.fr",
    "yahoo.fr", "outlook.fr", "icloud.com",
)  # fmt: skip
EN_EMAIL_DOMAINS = (
    "gmail.com", "hotmail.co.uk", "btinternet.com", "yahoo.co.uk", "outlook.com", "sky.com", "icloud.com",
)  # fmt: skip

STORES = ("Lyon Part-Dieu", "Lyon Confluence", "Villeurbanne", "Nantes Atlantis", "Nantes centre")


def ascii_fold(text: str) -> str:
    """ "Élodie N'Diaye" -> "elodie ndiaye": what people type in e-mail addresses and handles."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if c.isascii() and (c.isalnum() or c in " -"))
    return plain.lower().strip()


def _slug(text: str, joiner: str) -> str:
    return joiner.join(part for part in ascii_fold(text).replace("-", " ").split() if part)


def pick_name(rng: random.Random, french: bool) -> tuple[str, str, str]:
    """(title, first name, last name) for a French or an English customer."""
    female = rng.random() < 0.55
    if french:
        first = rng.choice(FR_FIRST_FEMALE if female else FR_FIRST_MALE)
        last = rng.choice(FR_LAST)
        title = "Mme" if female else "M."
    else:
        first = rng.choice(EN_FIRST_FEMALE if female else EN_FIRST_MALE)
        last = rng.choice(EN_LAST)
        title = rng.choice(("Ms", "Mrs", "Miss")) if female else "Mr"
    return title, first, last


def emails(rng: random.Random, first: str, last: str, french: bool, serial: int) -> tuple[str, ...]:
    """One to three addresses, some with capitals, as customers really type them.

    The serial ends every local part ("elodie.lefevre12@orange.fr"): addresses stay unique across
    the whole data set, as they are in real life.
    """
    domains = FR_EMAIL_DOMAINS if french else EN_EMAIL_DOMAINS
    f, last_slug = _slug(first, "") or "client", _slug(last, "")
    forms: tuple[str, ...]
    if last_slug:
        forms = (f"{f}.{last_slug}", f"{f[:1]}{last_slug}", f"{last_slug}.{f}", f"{f}_{last_slug}", f)
    else:
        forms = (f, f"{f}.contact", f"{f}.perso")
    count = rng.choices((1, 2, 3), weights=(6, 3, 1))[0]
    found: list[str] = []
    for i in range(count):
        address = f"{forms[(serial + i) % len(forms)]}{serial}@{rng.choice(domains)}"
        if rng.random() < 0.15:
            address = address[:1].upper() + address[1:]
        found.append(address)
    return tuple(dict.fromkeys(found))


def _fr_mobile(serial: int, rng: random.Random) -> str:
    digits = f"0{rng.choice('67')}{serial % 100:02d}{rng.randrange(1_000_000):06d}"
    style = rng.randrange(5)
    pairs = [digits[i : i + 2] for i in range(0, 10, 2)]
    if style == 0:
        return " ".join(pairs)
    if style == 1:
        return ".".join(pairs)
    if style == 2:
        return "+33 " + digits[1] + " " + " ".join(pairs[1:])
    if style == 3:
        return "0033" + digits[1:]
    return digits


def _fr_landline(rng: random.Random) -> str:
    area = rng.choice("2345")
    return f"0{area} " + " ".join(f"{rng.randrange(100):02d}" for _ in range(4))


def _uk_mobile(serial: int, rng: random.Random) -> str:
    # Always international: a UK national "07700..." would not normalise to the same digits as the
    # "+44" form (the desk's default country is France), and search would miss the customer.
    tail = f"{serial % 1000:03d}{rng.randrange(1000):03d}"
    style = rng.randrange(3)
    if style == 0:
        return f"+44 7700 {tail}"
    if style == 1:
        return f"0044 7700 {tail}"
    return f"+447700{tail}"


def phones(rng: random.Random, french: bool, serial: int) -> tuple[str, ...]:
    count = rng.choices((0, 1, 2), weights=(1, 6, 3))[0]
    found: list[str] = []
    for i in range(count):
        if french:
            found.append(_fr_mobile(serial, rng) if i == 0 else _fr_landline(rng))
        else:
            found.append(_uk_mobile(serial, rng))
    return tuple(dict.fromkeys(found))


def social_handles(rng: random.Random, first: str, last: str, serial: int) -> tuple[str, ...]:
    if rng.random() < 0.55:
        return ()
    base = _slug(first, "") + rng.choice(("_", "", ".")) + _slug(last, "")[:6]
    handles = [f"@{base}{serial % 97}"]
    if rng.random() < 0.3:
        handles.append(f"@{_slug(first, '').capitalize()}{rng.randrange(1970, 2006)}")
    return tuple(handles)


def ean13(twelve_digits: str) -> str:
    """A 13-digit EAN with its check digit, so a barcode scanner reads the card."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(twelve_digits))
    return twelve_digits + str((10 - total % 10) % 10)


def loyalty_card(serial: int) -> str:
    # 29: an in-store numbering prefix of EAN-13, never a real product's code.
    return ean13(f"29{serial:010d}")
