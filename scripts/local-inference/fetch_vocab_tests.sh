#!/usr/bin/env bash
# Installs llama.cpp's tokenizer test vectors for the vocabularies LocalInference supports, for
# Tests/LocalInferenceTests/VocabReferenceTests.swift.
#
# The files (vocabulary-only GGUFs `ggml-vocab-<name>.gguf` with `.inp` inputs and `.out` expected token ids) are
# llama.cpp's `models/` test data. They are third-party data, so they are not in the repository: this script takes
# them from the llama-cpp-python source distribution on PyPI (which vendors llama.cpp), pinned by sha256, and
# extracts only the byte-level BPE vocabularies listed below. It also extracts llama.cpp's collection of real chat
# templates (`models/templates/*.jinja`, into `templates/`), which Tests/LocalInferenceTests/Jinja/ renders with the
# engine's Jinja interpreter and with Jinja2 itself and compares.
#
#   scripts/local-inference/fetch_vocab_tests.sh [--sdist PATH]
#
# Destination: $SYSTEMCARD_VOCAB_TESTS_DIR, else $SYSTEMCARD_HOME/vocab-tests, else ~/.systemcard/vocab-tests.
# --sdist (or $SYSTEMCARD_VOCAB_TESTS_SDIST) uses an already downloaded copy of the archive (still sha256-checked).
set -euo pipefail

SDIST_URL="https://files.pythonhosted.org/packages/ec/e9/e7de2b0463ea3ffbf0ede6cb21b58c1258a8f6521aae45ca773a59fe7cf3/llama_cpp_python-0.3.36.tar.gz"
SDIST_SHA256="832db0699007f1be95a7e41ef12e88926b02ba836461e36a36372db2760c1a2e"
MODELS_PREFIX="llama_cpp_python-0.3.36/vendor/llama.cpp/models"
# Byte-level BPE ("gpt2" tokenizer model) vocabularies whose pre-tokenisers LocalInference implements.
VOCABS="gpt-2 llama-bpe qwen2 qwen35 starcoder refact command-r mpt falcon deepseek-coder deepseek-llm"

sdist="${SYSTEMCARD_VOCAB_TESTS_SDIST:-}"
while [ $# -gt 0 ]; do
  case "$1" in
    --sdist) sdist="$2"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

if [ -n "${SYSTEMCARD_VOCAB_TESTS_DIR:-}" ]; then
  dest="$SYSTEMCARD_VOCAB_TESTS_DIR"
elif [ -n "${SYSTEMCARD_HOME:-}" ]; then
  dest="$SYSTEMCARD_HOME/vocab-tests"
else
  dest="$HOME/.systemcard/vocab-tests"
fi

stamp="$dest/.source-sha256"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$SDIST_SHA256" ]; then
  complete=1
  for v in $VOCABS; do
    for ext in "" .inp .out; do [ -f "$dest/ggml-vocab-$v.gguf$ext" ] || complete=0; done
  done
  [ -f "$dest/templates/.complete" ] || complete=0
  if [ "$complete" = 1 ]; then
    echo "vocab tests: already installed in $dest"
    exit 0
  fi
fi

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d' ' -f1
  elif command -v shasum >/dev/null 2>&1; then shasum -a 256 "$1" | cut -d' ' -f1
  else python3 -c 'import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],"rb").read()).hexdigest())' "$1"
  fi
}

mkdir -p "$dest"
staging="$(mktemp -d "$dest/.fetch-XXXXXX")"
trap 'rm -rf "$staging"' EXIT

if [ -z "$sdist" ]; then
  sdist="$staging/llama_cpp_python-0.3.36.tar.gz"
  echo "vocab tests: downloading $SDIST_URL"
  if command -v curl >/dev/null 2>&1; then
    curl -fsSL --retry 3 -o "$sdist" "$SDIST_URL"
  else
    python3 -c 'import sys, urllib.request; urllib.request.urlretrieve(sys.argv[1], sys.argv[2])' "$SDIST_URL" "$sdist"
  fi
fi

digest="$(sha256 "$sdist")"
if [ "$digest" != "$SDIST_SHA256" ]; then
  echo "vocab tests: $sdist has sha256 $digest, expected $SDIST_SHA256; nothing installed" >&2
  exit 1
fi

members=()
for v in $VOCABS; do
  for ext in "" .inp .out; do members+=("$MODELS_PREFIX/ggml-vocab-$v.gguf$ext"); done
done
tar -xzf "$sdist" -C "$staging" "${members[@]}"
tar -xzf "$sdist" -C "$staging" --wildcards "$MODELS_PREFIX/templates/*.jinja"
for v in $VOCABS; do
  for ext in "" .inp .out; do mv -f "$staging/$MODELS_PREFIX/ggml-vocab-$v.gguf$ext" "$dest/"; done
done
rm -rf "$dest/templates"
mv "$staging/$MODELS_PREFIX/templates" "$dest/templates"
touch "$dest/templates/.complete"
echo "$SDIST_SHA256" > "$stamp"
echo "vocab tests: installed $(echo $VOCABS | wc -w) vocabularies and $(ls "$dest/templates" | wc -l) chat templates in $dest (from llama-cpp-python 0.3.36, sha256 ok)"
