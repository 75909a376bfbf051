#!/usr/bin/env python3
"""Puts errors of every kind into the held-out texts, by a fixed seed, and
writes them in the spelling corpus's inline form `[[wrong=>right|kind:subtype]]`.

    python3 Scripts/spelling-inject.py SOURCE_DIR

Reads SOURCE_DIR/held-out/{dev,test}/*.txt (made by Scripts/spelling-model.py)
and writes Tests/SpellCorpus/External/{dev,test}/*.txt.

The errors come from a generic process, not from the checker's tables: a
word is picked at random and changed by one random slip (another tone, a
lost or added hat, horn or breve, a consonant heard for another, a key next
to the right one on the keyboard, a letter lost, doubled or swapped). What
the slip makes decides the kind: a syllable the inventory has is a real word
used for another (realword), anything else a non-word; a hỏi/ngã swap is
its own subtype, and so is a misspelt name (a frequent given or family
name, capitalised inside a sentence, changed into something that is no
frequent name).
"""
import os
import random
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODEL = os.path.join(ROOT, "Sources/VietText/Resources/vi-model.txt")
HUNSPELL = "/usr/share/hunspell/vi_VN.dic"
OUT = os.path.join(ROOT, "Tests/SpellCorpus/External")
SEEDS = {"dev": 2311, "test": 1709}
# About one error in this many words; none in the English page (it has no Vietnamese to break).
EVERY = 60
WORD = re.compile(r"[^\W\d_]+")

TONES = {"\u0300": "huyền", "\u0301": "sắc", "\u0309": "hỏi", "\u0303": "ngã", "\u0323": "nặng"}
HATS = {"a": ["\u0306", "\u0302"], "e": ["\u0302"], "o": ["\u0302", "\u031B"], "u": ["\u031B"]}
ONSETS = [("s", "x"), ("ch", "tr"), ("d", "gi"), ("d", "r"), ("gi", "r"), ("n", "l"), ("v", "d"), ("đ", "d"),
          ("k", "kh"), ("t", "th"), ("ph", "p"), ("ng", "nh"), ("c", "g"), ("b", "v"), ("h", "kh")]
CODAS = [("c", "t"), ("n", "ng"), ("nh", "ng"), ("m", "n"), ("p", "t"), ("ch", "t"), ("i", "y"), ("u", "o")]
KEYS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]


def nfc(s):
    return unicodedata.normalize("NFC", s)


def nfd(s):
    return unicodedata.normalize("NFD", s)


def neighbours(letter):
    for r, row in enumerate(KEYS):
        i = row.find(letter)
        if i < 0:
            continue
        out = [row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)]
        for other in (r - 1, r + 1):
            if 0 <= other < len(KEYS):
                out += [KEYS[other][j] for j in (i - 1, i) if 0 <= j < len(KEYS[other])]
        return out
    return []


def tone_of(word):
    for mark in TONES:
        if mark in nfd(word):
            return mark
    return None


def with_tone(word, tone):
    """`word` with its tone mark replaced (or one put on its main vowel)."""
    letters = nfd(word)
    old = tone_of(word)
    if old:
        return nfc(letters.replace(old, tone or ""))
    if tone is None:
        return word
    vowels = [i for i, c in enumerate(letters) if c in "aeiouy"]
    if not vowels:
        return word
    # The vowel with a hat or horn, else the second of two when a coda follows, else the first.
    at = next((i for i in vowels if i + 1 < len(letters) and letters[i + 1] in "\u0302\u0306\u031B"), None)
    if at is None:
        at = vowels[1] if len(vowels) >= 2 and vowels[-1] + 1 < len(letters) else vowels[0]
    end = at + 1
    while end < len(letters) and letters[end] in "\u0302\u0306\u031B":
        end += 1
    return nfc(letters[:end] + tone + letters[end:])


def slips(word, rng):
    """Every one-slip change of a lower-case word, each with its sort."""
    out = []
    tone = tone_of(word)
    for other in [None] + list(TONES):
        if other != tone:
            sort = "hoinga" if {tone, other} == {"\u0309", "\u0303"} else "tone"
            out.append((with_tone(word, other), sort))
    plain = nfd(word)
    for i, c in enumerate(plain):
        if c in HATS:
            following = plain[i + 1] if i + 1 < len(plain) else ""
            if following in "\u0302\u0306\u031B":
                out.append((nfc(plain[:i + 1] + plain[i + 2:]), "hat"))
            else:
                for hat in HATS[c]:
                    out.append((nfc(plain[:i + 1] + hat + plain[i + 1:]), "hat"))
    for a, b in ONSETS:
        for x, y in ((a, b), (b, a)):
            if word.startswith(x) and not word.startswith(y if len(y) > len(x) and y.startswith(x) else "\0"):
                out.append((y + word[len(x):], "onset"))
    for a, b in CODAS:
        for x, y in ((a, b), (b, a)):
            if word.endswith(x):
                out.append((word[:-len(x)] + y, "coda"))
    letters = list(word)
    for i, c in enumerate(letters):
        base, marks = nfd(c)[0], nfd(c)[1:]
        for n in neighbours(base):
            # Marks stay only where Vietnamese can put them: a tone on any vowel, a hat on a, e, o,
            # a breve on a, a horn on o and u.
            hats = {"\u0302": "aeo", "\u0306": "a", "\u031B": "ou"}
            if marks and (n not in "aeiouy" or any(m in hats and n not in hats[m] for m in marks)):
                continue
            out.append((nfc("".join(letters[:i]) + n + marks + "".join(letters[i + 1:])), "key"))
    for i in range(len(letters)):
        out.append(("".join(letters[:i] + letters[i + 1:]), "lost"))
        out.append(("".join(letters[:i + 1] + letters[i:]), "doubled"))
        if i + 1 < len(letters):
            swapped = letters[:i] + [letters[i + 1], letters[i]] + letters[i + 2:]
            out.append(("".join(swapped), "swapped"))
    return [(w, s) for w, s in out if w and w != word]


def load_model():
    lines = open(MODEL, encoding="utf-8").read().split("\n")
    header = next(i for i, l in enumerate(lines) if not l.startswith("#"))
    n, _, attested = map(int, lines[header].split())
    counts, capitals = {}, {}
    for line in lines[header + 1:header + 1 + n]:
        s, c, k = line.split()
        counts[s], capitals[s] = int(c), int(k)
    return counts, capitals, attested


def variants(a, b):
    """Two spellings of one word (i/y, the two tone styles), not an error."""
    fold = lambda w: nfd(w).replace("y", "i")
    key = lambda w: "".join(sorted(fold(w)))
    return key(a) == key(b)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    source = sys.argv[1]
    # What the checker attests: hunspell-vi's syllables and those the model's prose writes in lower case often enough.
    counts, capitals, attested = load_model()
    inventory = {s for s in counts if counts[s] - capitals[s] >= attested}
    if os.path.exists(HUNSPELL):
        inventory |= {nfc(l.strip().split("/")[0].lower()) for l in open(HUNSPELL, encoding="utf-8").read().split("\n")[1:]}
    names = {s for s, k in capitals.items() if k >= 200 and k * 4 >= counts[s]}
    for part, seed in SEEDS.items():
        rng = random.Random(seed)
        os.makedirs(os.path.join(OUT, part), exist_ok=True)
        totals = {}
        for name in sorted(os.listdir(os.path.join(source, "held-out", part))):
            text = open(os.path.join(source, "held-out", part, name), encoding="utf-8").read()
            annotated = text if name.startswith("english") else inject(text, rng, inventory, names, capitals, totals)
            with open(os.path.join(OUT, part, name), "w", encoding="utf-8") as f:
                f.write(annotated)
        print(part, totals)


def inject(text, rng, inventory, names, capitals, totals):
    out_lines = []
    for line in text.split("\n"):
        matches = list(WORD.finditer(line))
        chosen = {}
        last = -10
        for index, match in enumerate(matches):
            chance = 1 / 20 if matches[index].group(0).lower() in names and matches[index].group(0)[0].isupper() else 1 / EVERY
            if index - last < 4 or rng.random() >= chance:
                continue
            change = corrupt(line, match, index, matches, rng, inventory, names, capitals)
            if change:
                chosen[index] = change
                last = index
                totals[change[1]] = totals.get(change[1], 0) + 1
        pieces, position = [], 0
        for index, match in enumerate(matches):
            if index in chosen:
                wrong, label = chosen[index]
                pieces.append(line[position:match.start()])
                pieces.append(f"[[{wrong}=>{match.group(0)}|{label}]]")
                position = match.end()
        pieces.append(line[position:])
        out_lines.append("".join(pieces))
    return "\n".join(out_lines)


def corrupt(line, match, index, matches, rng, inventory, names, capitals):
    word = match.group(0)
    lower = word.lower()
    if lower not in inventory or word.isupper() and len(word) > 1 or len(word) < 2 or not re.search("[aeiouy]", nfd(lower)):
        return None
    before = line[:match.start()].rstrip()
    inside = index > 0 and before and before[-1] not in ".!?:\"“(" and word[0].isupper()
    options = [(w, sort) for w, sort in slips(lower, rng) if len(w) >= 2]
    rng.shuffle(options)
    if inside and lower in names:
        for wrong, sort in options:
            if sort in ("lost", "doubled", "swapped") or capitals.get(wrong, 0) >= 5 or wrong in names:
                continue
            return (wrong[0].upper() + wrong[1:], "nonword:name")
        return None
    if word[0].isupper():
        return None
    # The kind first, then a slip that makes it: else non-words, the easiest to make, would crowd out the rest.
    wanted = rng.choice(["nonword", "realword", "realword"])
    if tone_of(lower) in ("\u0309", "\u0303") and rng.random() < 0.5:
        wanted = "hoinga"
    for wrong, sort in options:
        real = wrong in inventory
        if wanted == "hoinga":
            if sort == "hoinga":
                return (wrong, f"{'realword' if real else 'nonword'}:hoinga")
            continue
        if sort == "hoinga" or variants(wrong, lower) or real != (wanted == "realword"):
            continue
        return (wrong, f"{wanted}:{sort}")
    return None


if __name__ == "__main__":
    main()
