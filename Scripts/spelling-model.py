#!/usr/bin/env python3
"""Builds bientap's Vietnamese word model and its held-out evaluation texts
from openly licensed prose (sources, licences and sizes: Docs/spelling.md).

    python3 Scripts/spelling-model.py SOURCE_DIR

SOURCE_DIR holds the three sources as their repositories have them (see
Docs/spelling.md for the commits and the commands that extract them):
    viwiki/*.txt                              Vietnamese Wikipedia pages (CC BY-SA)
    resources/CP_Vietnamese-VLC/corpus/*.txt  Vietnamese laws (public: not protected by copyright)
    vi_vtb-ud-{train,dev,test}.conllu, LICENSE.txt   UD Vietnamese-VTB (CC BY-SA 4.0)
    unc/CP_Vietnamese-UNC/*.txt               Dân trí news, 2020-21, as underthesea's UNC has them
    vi_tuecl-ud-test.conllu                   UD Vietnamese-TueCL: film subtitles (CC BY-SA 4.0)

Writes
    Sources/VietText/Resources/vi-model.txt   syllable counts, capitals, pair counts
    Sources/VietText/Resources/vi-triples.bin three syllables in a row counted often
    SOURCE_DIR/held-out/{dev,test}/*.txt      clean held-out texts, never counted, which
                                              Scripts/spelling-inject.py puts errors into

The split is fixed by name, not by chance: the same inputs give the same files.
Nothing here is read at build or test time; the outputs are committed.
"""
import collections
import hashlib
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODEL = os.path.join(ROOT, "Sources/VietText/Resources/vi-model.txt")

# Held out: never counted. Government prose: whole laws; news: VTB's own dev and test parts.
GOV = {"dev": ["luat-thanh-nien.txt", "luat-cong-doan.txt"],
       "test": ["luat-bao-chi.txt", "luat-binh-dang-gioi.txt"]}
# Encyclopedia pages: the first pages in order of the SHA-1 of their names.
WIKI_PAGES = 14
WIKI_MIN_WORDS = 250
WIKI_MAX_WORDS = 5_000

# A syllable enters the model when counted this often; a pair, this often. A syllable is
# attested (a word of its own, not a typo some page kept) when written this often in lower case.
MIN_SYLLABLE = 3
MIN_PAIR = 3
ATTESTED = 6
# A word that is no syllable, written in lower case this often and with a vowel, is a loanword
# the prose writes (taxi, kilômet, ôtô), not a typo: abbreviations of consonants (sv, cc) stay out.
LOANWORD = int(os.environ.get("BIENTAP_LOANWORD", "20"))
VOWEL = re.compile("[" + "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ" + "]")

WORD = re.compile(r"[^\W\d_]+")
# Letters that can make a Vietnamese syllable: an onset, one to three vowels, a coda. Looser
# than the grammar (VietText parses each one when it loads the model); it keeps out English.
VOWELS = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"
SYLLABLE = re.compile(r"^(ngh|ng|nh|ch|tr|th|ph|kh|gh|gi|qu|[bcdđghklmnrstvx])?[" + VOWELS + r"]{1,3}"
                      r"(ng|nh|ch|[cmnpt])?$")
SENTENCE_END = set(".!?:;…\"“”(")


def nfc(text):
    return unicodedata.normalize("NFC", text)


def words(text):
    return len(WORD.findall(text))


def read(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return nfc(f.read())


def vtb_sentences(path):
    """Sentences of a CoNLL-U file, detokenized as a writer would type them."""
    out = []
    for line in open(path, encoding="utf-8"):
        if not line.startswith("# text ="):
            continue
        text = line.split("=", 1)[1].strip()
        tokens = text.split(" ")
        sentence, quote_open = "", False
        attach_next = False
        for token in tokens:
            if not token:
                continue
            if token in {",", ".", ";", ":", "!", "?", ")", "...", "%"}:
                sentence += token
            elif token == '"':
                if quote_open:
                    sentence += token
                else:
                    sentence += (" " if sentence else "") + token
                    attach_next = True
                quote_open = not quote_open
                continue
            elif token == "(":
                sentence += (" " if sentence else "") + token
                attach_next = True
                continue
            else:
                sentence += ("" if attach_next or not sentence else " ") + token
            attach_next = False
        sentence = sentence.strip()
        if sentence:
            i = 0
            while i < len(sentence) and not sentence[i].isalpha():
                i += 1
            if i < len(sentence):
                sentence = sentence[:i] + sentence[i].upper() + sentence[i + 1:]
            out.append(nfc(sentence))
    return out


def paragraphs_of(sentences, per=6):
    return "\n\n".join(" ".join(sentences[i:i + per]) for i in range(0, len(sentences), per)) + "\n"


def count(text, syllables, capitals, pairs, loans=None, triples=None):
    for line in text.split("\n"):
        previous = before = None
        sentence_start = True
        position = 0
        for match in WORD.finditer(line):
            gap = line[position:match.start()]
            position = match.end()
            if gap and any(c in SENTENCE_END for c in gap):
                sentence_start = True
            token = match.group(0)
            lower = token.lower()
            if not SYLLABLE.match(lower):
                if loans is not None and token == lower and len(token) > 1 and VOWEL.search(token):
                    loans[lower] += 1
                previous, before, sentence_start = None, None, False
                continue
            syllables[lower] += 1
            if token[0].isupper() and not sentence_start and not token.isupper():
                capitals[lower] += 1
            if previous is not None and gap == " ":
                pairs[(previous, lower)] += 1
                if before is not None and triples is not None:
                    triples[(before, previous, lower)] += 1
                before = previous
            else:
                before = None
            previous, sentence_start = lower, False


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    source = sys.argv[1]
    laws = os.path.join(source, "resources/CP_Vietnamese-VLC/corpus")
    held_out = os.path.join(source, "held-out")
    wiki = os.path.join(source, "viwiki")

    pages = sorted((p for p in os.listdir(wiki) if p.endswith(".txt")),
                   key=lambda p: hashlib.sha1(p.encode()).hexdigest())
    held_wiki = {"test": [], "dev": []}
    held_names = set()
    for page in pages:
        if len(held_wiki["test"]) >= WIKI_PAGES and len(held_wiki["dev"]) >= WIKI_PAGES:
            break
        text = read(os.path.join(wiki, page))
        if words(text) < WIKI_MIN_WORDS:
            continue
        part = "test" if len(held_wiki["test"]) < WIKI_PAGES else "dev"
        held_wiki[part].append(text)
        held_names.add(page)

    for part in ("dev", "test"):
        os.makedirs(os.path.join(held_out, part), exist_ok=True)
        gov = "\n".join(read(os.path.join(laws, name)) for name in GOV[part])
        write(os.path.join(held_out, part, "government.txt"), gov)
        news = vtb_sentences(os.path.join(source, f"vi_vtb-ud-{part}.conllu"))
        write(os.path.join(held_out, part, "news.txt"), paragraphs_of(news))
        encyclopedia = "\n\n".join(held_wiki[part])
        write(os.path.join(held_out, part, "encyclopedia.txt"), cap_words(encyclopedia, WIKI_MAX_WORDS))
        write(os.path.join(held_out, part, "english-inside.txt"), english_inside(source, part, held_wiki[part]))

    syllables, capitals, pairs = collections.Counter(), collections.Counter(), collections.Counter()
    loans, triples = collections.Counter(), collections.Counter()
    counted = 0
    for name in sorted(os.listdir(laws)):
        if name in GOV["dev"] or name in GOV["test"]:
            continue
        text = read(os.path.join(laws, name))
        counted += words(text)
        count(text, syllables, capitals, pairs, loans, triples)
    for page in pages:
        if page in held_names:
            continue
        text = read(os.path.join(wiki, page))
        counted += words(text)
        count(text, syllables, capitals, pairs, loans, triples)
    train = paragraphs_of(vtb_sentences(os.path.join(source, "vi_vtb-ud-train.conllu")))
    counted += words(train)
    count(train, syllables, capitals, pairs, loans, triples)
    # Everyday writing: news of another paper and another decade than VTB's, and film dialogue.
    # A news document that shares a run of SHINGLE words with any held-out text is left out.
    held_shingles = set()
    for part in ("dev", "test"):
        for name in os.listdir(os.path.join(held_out, part)):
            held_shingles |= shingles(read(os.path.join(held_out, part, name)))
    news_dir = os.path.join(source, "unc/CP_Vietnamese-UNC")
    overlapping = 0
    for name in sorted(os.listdir(news_dir)):
        text = "\n".join(line for line in read(os.path.join(news_dir, name)).split("\n")
                         if not line.startswith("#"))
        if shingles(text) & held_shingles:
            overlapping += 1
            continue
        counted += words(text)
        count(text, syllables, capitals, pairs, loans, triples)
    dialogue = "\n".join(vtb_sentences(os.path.join(source, "vi_tuecl-ud-test.conllu")))
    counted += words(dialogue)
    count(dialogue, syllables, capitals, pairs, loans, triples)
    print(f"news documents left out for sharing {SHINGLE} words with held-out text: {overlapping}")

    kept = [s for s, n in syllables.most_common() if n >= MIN_SYLLABLE]
    index = {s: i for i, s in enumerate(kept)}
    kept_pairs = sorted(((index[a], index[b], n) for (a, b), n in pairs.items()
                         if n >= MIN_PAIR and a in index and b in index))
    write_triples(sorted((index[a], index[b], index[c]) for (a, b, c), n in triples.items()
                         if n >= MIN_TRIPLE and a in index and b in index and c in index), len(kept))
    kept_loans = sorted(w for w, n in loans.items() if n >= LOANWORD)
    os.makedirs(os.path.dirname(MODEL), exist_ok=True)
    with open(MODEL, "w", encoding="utf-8") as f:
        f.write(f"# bientap Vietnamese word model: {counted} words counted. Built by Scripts/spelling-model.py.\n")
        f.write(f"# Sources and licences: Docs/spelling.md. Syllables, pairs, the lower-case count that attests, loanwords.\n")
        f.write(f"{len(kept)} {len(kept_pairs)} {ATTESTED} {len(kept_loans)}\n")
        for s in kept:
            f.write(f"{s} {syllables[s]} {capitals[s]}\n")
        for w in kept_loans:
            f.write(f"{w} {loans[w]}\n")
        # Pairs by first syllable: "=first" once for each run, then "step count" a pair, the
        # step from the run's previous second syllable (from 0 for its first): small numbers
        # keep the file under 2 MB.
        previous, last = -1, 0
        for a, b, n in kept_pairs:
            if a != previous:
                f.write(f"={a}\n")
                previous, last = a, 0
            f.write(f"{b - last} {n}\n")
            last = b
    print(f"counted {counted} words; {len(kept)} syllables, {len(kept_pairs)} pairs, {len(kept_loans)} loanwords; "
          f"{os.path.getsize(MODEL)} bytes")
    for part in ("dev", "test"):
        for name in sorted(os.listdir(os.path.join(held_out, part))):
            path = os.path.join(held_out, part, name)
            if name.endswith(".txt"):
                print(part, name, words(read(path)), "words",
                      hashlib.sha256(open(path, "rb").read()).hexdigest()[:16])


SHINGLE = 8
# Three syllables in a row (one space apart) are kept when counted this often.
MIN_TRIPLE = 5
TRIPLES = os.path.join(ROOT, "Sources/VietText/Resources/vi-triples.bin")


def write_triples(triples, syllables):
    """Three syllables in a row counted MIN_TRIPLE times or more, by their lines in the
    model: a text line "bientap-triples COUNT BITS MIN", then each three packed in one
    number (first << 2·BITS | second << BITS | third), sorted, as the step from the one
    before in LEB128 (7 bits a byte, the high bit set on all but the last): under 2 bytes a
    triple, as the frequent syllables have the low lines."""
    bits = max(syllables - 1, 1).bit_length()
    out = bytearray(f"bientap-triples {len(triples)} {bits} {MIN_TRIPLE}\n".encode())
    last = 0
    for a, b, c in triples:
        key = a << (2 * bits) | b << bits | c
        step, last = key - last, key
        while step >= 0x80:
            out.append(step & 0x7F | 0x80)
            step >>= 7
        out.append(step)
    with open(TRIPLES, "wb") as f:
        f.write(bytes(out))
    print(f"{len(triples)} triples counted {MIN_TRIPLE} times or more; {len(out)} bytes")


def shingles(text):
    """Every run of SHINGLE words of a text, in lower case, for finding shared passages."""
    out = set()
    for line in text.split("\n"):
        tokens = [w.lower() for w in WORD.findall(line)]
        for i in range(len(tokens) - SHINGLE + 1):
            out.add(" ".join(tokens[i:i + SHINGLE]))
    return out


def cap_words(text, limit):
    out, n = [], 0
    for paragraph in text.split("\n"):
        if n >= limit:
            break
        out.append(paragraph)
        n += words(paragraph)
    return "\n".join(out).strip() + "\n"


def english_inside(source, part, pages):
    """A page of English (the Creative Commons licence text, dedicated to the
    public domain) between two Vietnamese paragraphs of held-out pages."""
    licence = read(os.path.join(source, "LICENSE.txt")).split("\n")
    english = "\n".join(licence[0:70] if part == "test" else licence[70:142])
    english = re.sub(r"^=+$", "", english, flags=re.M)
    lead = [p for text in pages for p in text.split("\n") if words(p) >= 40]
    return lead[-1] + "\n\n" + english.strip() + "\n\n" + lead[-2] + "\n"


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text if text.endswith("\n") else text + "\n")


if __name__ == "__main__":
    main()
