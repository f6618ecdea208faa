// The projects of `swe-repair`: small Python 3.11 packages (standard library only) written for SystemCard, each
// with a README and a visible unittest suite. ``SWETask/all`` injects one known bug at a time into a pristine copy.

extension SWEProject {
    /// The `swe-repair` projects (ledger, textkit, semver, calc, cachebox), in the order their tasks are listed.
    static let all: [SWEProject] = [ledger, textkit, semver, calc, cachebox]

    // MARK: ledger: accounts and transfers, money in integer cents

    private static let ledger = SWEProject(
        name: "ledger",
        summary: "A bookkeeping ledger: accounts, transfers, overdrafts, interest and undo, with money in integer cents.",
        files: [
            "README.md": #"""
                # ledger

                A small ledger for personal bookkeeping. Every amount is an `int` counting cents, so
                there is no floating-point rounding anywhere.

                ```python
                from datetime import date
                from ledger import Ledger, parse_amount, format_cents

                book = Ledger()
                book.open("checking")
                book.open("card", overdraft=parse_amount("500"))
                book.deposit("checking", parse_amount("1,250.00"), day=date(2024, 3, 1), memo="salary")
                book.transfer("checking", "card", 2000, memo="top up")
                print(format_cents(book.balance("checking")))   # $1,230.00
                print(book.report())
                ```

                - `ledger.money`: `parse_amount`, `format_cents`, `split_evenly`, `apply_rate` (basis points).
                - `ledger.book`: `Ledger` with `open`, `close`, `deposit`, `withdraw`, `transfer`,
                  `apply_interest`, `undo`, `balance`, `entries`, `statement`, `report`.

                Run the tests from this folder with `python3 -m unittest discover -s tests`.

                """#,
            "ledger/__init__.py": #"""
                """A small ledger that keeps every amount in integer cents."""

                from .book import Entry, InsufficientFunds, Ledger, LedgerError
                from .money import apply_rate, format_cents, parse_amount, split_evenly

                __all__ = [
                    "Entry",
                    "InsufficientFunds",
                    "Ledger",
                    "LedgerError",
                    "apply_rate",
                    "format_cents",
                    "parse_amount",
                    "split_evenly",
                ]

                """#,
            "ledger/book.py": #"""
                """Accounts, postings and the journal."""

                from dataclasses import dataclass
                from datetime import date

                from .money import apply_rate, format_cents


                class LedgerError(Exception):
                    """An invalid operation: unknown account, bad amount, unknown transaction..."""


                class InsufficientFunds(LedgerError):
                    """A withdrawal or transfer would take an account below its overdraft limit."""


                @dataclass(frozen=True)
                class Entry:
                    """One posting: `amount` cents added to (negative: taken from) `account`."""

                    txn: int
                    day: date
                    account: str
                    amount: int
                    memo: str = ""


                @dataclass
                class Account:
                    name: str
                    overdraft: int = 0
                    balance: int = 0


                class Ledger:
                    """Named accounts whose balances only change through postings in the journal."""

                    def __init__(self):
                        self._accounts = {}
                        self._journal = []
                        self._undone = set()
                        self._next_txn = 1

                    # Accounts

                    def open(self, name, overdraft=0):
                        """Open an account whose balance may go down to -overdraft cents."""
                        if name in self._accounts:
                            raise LedgerError(f"account already exists: {name}")
                        if overdraft < 0:
                            raise LedgerError("overdraft limit cannot be negative")
                        self._accounts[name] = Account(name, overdraft)

                    def close(self, name, into):
                        """Close an account, moving whatever is left on it into another account."""
                        account = self._account(name)
                        if account.balance < 0:
                            raise LedgerError(f"{name} is overdrawn and cannot be closed")
                        if account.balance > 0:
                            self.transfer(name, into, account.balance, memo=f"closing {name}")
                        del self._accounts[name]

                    def accounts(self):
                        return sorted(self._accounts)

                    def balance(self, name, as_of=None):
                        """The current balance, or the balance at the end of the day `as_of`."""
                        account = self._account(name)
                        if as_of is None:
                            return account.balance
                        return sum(e.amount for e in self._journal if e.account == name and e.day <= as_of)

                    def total(self):
                        return sum(account.balance for account in self._accounts.values())

                    # Postings; each returns its transaction number

                    def deposit(self, name, amount, day=None, memo=""):
                        self._check_amount(amount)
                        return self._post([(name, amount)], day, memo)

                    def withdraw(self, name, amount, day=None, memo=""):
                        self._check_amount(amount)
                        self._check_funds(name, amount)
                        return self._post([(name, -amount)], day, memo)

                    def transfer(self, source, target, amount, day=None, memo=""):
                        self._check_amount(amount)
                        if source == target:
                            raise LedgerError("cannot transfer from an account to itself")
                        self._account(target)
                        self._check_funds(source, amount)
                        return self._post([(source, -amount), (target, amount)], day, memo)

                    def apply_interest(self, name, basis_points, day=None):
                        """Credit interest on a positive balance; returns the cents credited."""
                        interest = apply_rate(self.balance(name), basis_points)
                        if interest <= 0:
                            return 0
                        self._post([(name, interest)], day, "interest")
                        return interest

                    def undo(self, txn, day=None):
                        """Reverse transaction `txn` with the opposite posting; a transaction can be undone once."""
                        if txn in self._undone:
                            raise LedgerError(f"transaction {txn} was already undone")
                        legs = [(e.account, -e.amount) for e in self._journal if e.txn == txn]
                        if not legs:
                            raise LedgerError(f"no such transaction: {txn}")
                        self._undone.add(txn)
                        return self._post(legs, day, f"undo {txn}")

                    # Reading

                    def entries(self, name=None, start=None, end=None):
                        """Journal entries in posting order, optionally for one account and between two days (inclusive)."""
                        return [
                            e
                            for e in self._journal
                            if (name is None or e.account == name)
                            and (start is None or e.day >= start)
                            and (end is None or e.day <= end)
                        ]

                    def statement(self, name):
                        """One line per posting on an account: day, memo, amount and running balance."""
                        self._account(name)
                        running = 0
                        lines = []
                        for e in self.entries(name):
                            running += e.amount
                            lines.append(f"{e.day.isoformat()}  {e.memo:<20}  {format_cents(e.amount):>12}  {format_cents(running):>12}")
                        return "\n".join(lines)

                    def report(self):
                        """One line per account (sorted by name) with its balance, then the total."""
                        width = max([len(name) for name in self._accounts] + [5])
                        lines = [f"{name:<{width}}  {format_cents(self._accounts[name].balance):>12}" for name in sorted(self._accounts)]
                        lines.append(f"{'total':<{width}}  {format_cents(self.total()):>12}")
                        return "\n".join(lines)

                    # Helpers

                    def _account(self, name):
                        try:
                            return self._accounts[name]
                        except KeyError:
                            raise LedgerError(f"unknown account: {name}") from None

                    def _check_amount(self, amount):
                        if not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0:
                            raise LedgerError(f"amount must be a positive number of cents, got {amount!r}")

                    def _check_funds(self, name, amount):
                        account = self._account(name)
                        if account.balance - amount < -account.overdraft:
                            raise InsufficientFunds(f"{name} cannot cover {format_cents(amount)}")

                    def _post(self, legs, day, memo):
                        accounts = [self._account(name) for name, _ in legs]
                        txn = self._next_txn
                        self._next_txn += 1
                        day = day or date.today()
                        for account, (name, amount) in zip(accounts, legs):
                            account.balance += amount
                            self._journal.append(Entry(txn, day, name, amount, memo))
                        return txn

                """#,
            "ledger/money.py": #"""
                """Money helpers. Every amount in this package is an int counting cents."""


                def parse_amount(text):
                    """Parse a typed amount such as "12.34", "-3.07", ".75" or "$1,204" into cents.

                    At most two decimal places are accepted; thousands separators and a dollar
                    sign (after the minus, if any) are ignored.
                    """
                    cleaned = text.strip().replace(",", "")
                    negative = cleaned.startswith("-")
                    if negative:
                        cleaned = cleaned[1:]
                    if cleaned.startswith("$"):
                        cleaned = cleaned[1:]
                    whole, _, frac = cleaned.partition(".")
                    if not whole and not frac:
                        raise ValueError(f"invalid amount: {text!r}")
                    whole = whole or "0"
                    if not whole.isdigit() or (frac and not frac.isdigit()):
                        raise ValueError(f"invalid amount: {text!r}")
                    if len(frac) > 2:
                        raise ValueError(f"too many decimal places: {text!r}")
                    cents = int(whole) * 100 + int(frac.ljust(2, "0"))
                    return -cents if negative else cents


                def format_cents(cents, symbol="$"):
                    """Format cents for display: 123456 -> "$1,234.56", -50 -> "-$0.50"."""
                    sign = "-" if cents < 0 else ""
                    whole, frac = divmod(abs(cents), 100)
                    return f"{sign}{symbol}{whole:,}.{frac:02d}"


                def split_evenly(cents, parts):
                    """Split an amount into `parts` shares that differ by at most a cent and add up exactly.

                    The first shares get the leftover cents: split_evenly(100, 3) == [34, 33, 33].
                    """
                    if parts < 1:
                        raise ValueError("parts must be at least 1")
                    base, leftover = divmod(cents, parts)
                    return [base + 1 if i < leftover else base for i in range(parts)]


                def apply_rate(cents, basis_points):
                    """cents * basis_points / 10000, rounded half away from zero (150 basis points = 1.5%)."""
                    if basis_points < 0:
                        raise ValueError("basis_points cannot be negative")
                    product = abs(cents) * basis_points
                    rounded = (product + 5000) // 10000
                    return rounded if cents >= 0 else -rounded

                """#,
            "tests/__init__.py": "",
            "tests/test_book.py": #"""
                import unittest
                from datetime import date

                from ledger import InsufficientFunds, Ledger, LedgerError

                MARCH_1 = date(2024, 3, 1)
                MARCH_15 = date(2024, 3, 15)
                APRIL_2 = date(2024, 4, 2)


                class LedgerTests(unittest.TestCase):
                    def setUp(self):
                        self.book = Ledger()
                        self.book.open("checking")
                        self.book.open("savings")
                        self.book.deposit("checking", 10000, day=MARCH_1, memo="salary")
                        self.book.deposit("savings", 5000, day=MARCH_1, memo="gift")

                    def test_deposit_and_withdraw(self):
                        self.book.withdraw("checking", 2550, day=MARCH_15, memo="groceries")
                        self.assertEqual(self.book.balance("checking"), 7450)
                        self.assertEqual(self.book.total(), 12450)

                    def test_overdraw_is_refused(self):
                        with self.assertRaises(InsufficientFunds):
                            self.book.withdraw("checking", 10001)
                        self.assertEqual(self.book.balance("checking"), 10000)

                    def test_overdraft_limit(self):
                        self.book.open("card", overdraft=20000)
                        self.book.withdraw("card", 15000, day=MARCH_15)
                        self.assertEqual(self.book.balance("card"), -15000)
                        with self.assertRaises(InsufficientFunds):
                            self.book.withdraw("card", 6000, day=MARCH_15)

                    def test_transfer(self):
                        self.book.transfer("checking", "savings", 2500, day=MARCH_15, memo="save")
                        self.assertEqual(self.book.balance("checking"), 7500)
                        self.assertEqual(self.book.balance("savings"), 7500)
                        self.assertEqual(self.book.total(), 15000)

                    def test_transfer_needs_funds(self):
                        self.book.open("travel")
                        with self.assertRaises(InsufficientFunds):
                            self.book.transfer("checking", "travel", 20000)
                        self.assertEqual(self.book.balance("checking"), 10000)

                    def test_transfer_to_itself_is_refused(self):
                        with self.assertRaises(LedgerError):
                            self.book.transfer("checking", "checking", 100)

                    def test_bad_amounts(self):
                        for amount in (0, -5, 12.5, "10", True):
                            with self.subTest(amount=amount):
                                with self.assertRaises(LedgerError):
                                    self.book.deposit("checking", amount)

                    def test_unknown_account(self):
                        with self.assertRaises(LedgerError):
                            self.book.balance("nope")
                        with self.assertRaises(LedgerError):
                            self.book.deposit("nope", 100)

                    def test_duplicate_account(self):
                        with self.assertRaises(LedgerError):
                            self.book.open("checking")

                    def test_close_empty_account(self):
                        self.book.open("old")
                        self.book.close("old", into="checking")
                        self.assertEqual(self.book.accounts(), ["checking", "savings"])

                    def test_close_overdrawn_is_refused(self):
                        self.book.open("card", overdraft=1000)
                        self.book.withdraw("card", 300)
                        with self.assertRaises(LedgerError):
                            self.book.close("card", into="checking")

                    def test_undo_deposit(self):
                        txn = self.book.deposit("checking", 700, day=MARCH_15)
                        self.book.undo(txn, day=APRIL_2)
                        self.assertEqual(self.book.balance("checking"), 10000)

                    def test_undo_unknown_transaction(self):
                        with self.assertRaises(LedgerError):
                            self.book.undo(999)

                    def test_entries_filter(self):
                        self.book.withdraw("checking", 1000, day=MARCH_15, memo="rent")
                        self.book.withdraw("checking", 500, day=APRIL_2, memo="phone")
                        memos = [e.memo for e in self.book.entries("checking", start=MARCH_15)]
                        self.assertEqual(memos, ["rent", "phone"])
                        self.assertEqual(len(self.book.entries(start=MARCH_1, end=MARCH_1)), 2)

                    def test_statement(self):
                        self.book.withdraw("checking", 2550, day=MARCH_15, memo="groceries")
                        lines = self.book.statement("checking").splitlines()
                        self.assertEqual(len(lines), 2)
                        self.assertTrue(lines[0].startswith("2024-03-01  salary"))
                        self.assertTrue(lines[1].endswith("$74.50"))

                    def test_report(self):
                        self.assertEqual(
                            self.book.report().splitlines(),
                            [
                                "checking       $100.00",
                                "savings         $50.00",
                                "total          $150.00",
                            ],
                        )

                    def test_apply_interest(self):
                        self.assertEqual(self.book.apply_interest("savings", 200, day=APRIL_2), 100)
                        self.assertEqual(self.book.balance("savings"), 5100)

                    def test_no_interest_on_overdrawn_account(self):
                        self.book.open("card", overdraft=5000)
                        self.book.withdraw("card", 4000)
                        self.assertEqual(self.book.apply_interest("card", 200), 0)
                        self.assertEqual(self.book.balance("card"), -4000)


                if __name__ == "__main__":
                    unittest.main()

                """#,
            "tests/test_money.py": #"""
                import unittest

                from ledger.money import apply_rate, format_cents, parse_amount, split_evenly


                class ParseAmountTests(unittest.TestCase):
                    def test_whole_and_fraction(self):
                        self.assertEqual(parse_amount("12.34"), 1234)
                        self.assertEqual(parse_amount("7"), 700)
                        self.assertEqual(parse_amount("0.05"), 5)
                        self.assertEqual(parse_amount("12."), 1200)

                    def test_one_decimal_place(self):
                        self.assertEqual(parse_amount("12.5"), 1250)

                    def test_separators_and_symbol(self):
                        self.assertEqual(parse_amount("$1,204.00"), 120400)
                        self.assertEqual(parse_amount("  42 "), 4200)

                    def test_negative(self):
                        self.assertEqual(parse_amount("-3.07"), -307)
                        self.assertEqual(parse_amount("-$3.07"), -307)

                    def test_rejects_garbage(self):
                        for text in ["", "abc", "1.2.3", "12.345", "-", "$", "1e3"]:
                            with self.subTest(text=text):
                                with self.assertRaises(ValueError):
                                    parse_amount(text)


                class FormatCentsTests(unittest.TestCase):
                    def test_positive(self):
                        self.assertEqual(format_cents(123456), "$1,234.56")
                        self.assertEqual(format_cents(5), "$0.05")

                    def test_negative(self):
                        self.assertEqual(format_cents(-50), "-$0.50")
                        self.assertEqual(format_cents(-250075), "-$2,500.75")

                    def test_symbol(self):
                        self.assertEqual(format_cents(1999, symbol="€"), "€19.99")

                    def test_round_trip(self):
                        for text in ["$0.99", "$12.00", "$1,000,000.01"]:
                            self.assertEqual(format_cents(parse_amount(text)), text)


                class SplitEvenlyTests(unittest.TestCase):
                    def test_even_split(self):
                        self.assertEqual(split_evenly(100, 4), [25, 25, 25, 25])

                    def test_leftover_goes_to_first_shares(self):
                        self.assertEqual(split_evenly(100, 3), [34, 33, 33])
                        self.assertEqual(sum(split_evenly(1001, 7)), 1001)

                    def test_rejects_zero_parts(self):
                        with self.assertRaises(ValueError):
                            split_evenly(100, 0)


                class ApplyRateTests(unittest.TestCase):
                    def test_exact(self):
                        self.assertEqual(apply_rate(10000, 150), 150)
                        self.assertEqual(apply_rate(-10000, 150), -150)

                    def test_small_fraction_rounds_down(self):
                        self.assertEqual(apply_rate(1234, 100), 12)

                    def test_rejects_negative_rate(self):
                        with self.assertRaises(ValueError):
                            apply_rate(100, -1)


                if __name__ == "__main__":
                    unittest.main()

                """#,
        ])

    // MARK: textkit: words, slugs, wrapping and tables

    private static let textkit = SWEProject(
        name: "textkit",
        summary: "Text utilities: word counts, title case, URL slugs, word wrap, truncation and plain-text tables.",
        files: [
            "README.md": #"""
                # textkit

                Small, dependency-free text utilities.

                ```python
                from textkit import slugify, unique_slug, title_case, top_words, wrap, fill, truncate, format_table

                slugify("Crème Brûlée, Vol. 2")            # "creme-brulee-vol-2"
                unique_slug("Post", {"post"})              # "post-2"
                title_case("the lord of the rings")        # "The Lord of the Rings"
                top_words(text, 5, stopwords=["the"])      # [("word", count), ...]
                wrap("the quick brown fox", 10)            # ["the quick", "brown fox"]
                fill(item, 40, "- ", "  ")                 # hanging indent
                truncate("hello world", 7)                 # "hello…"
                print(format_table(["name", "qty"], rows, align="<>"))
                ```

                - `textkit.words`: `words`, `word_frequencies`, `top_words`, `title_case`, `slugify`, `unique_slug`.
                - `textkit.layout`: `wrap`, `fill`, `truncate`, `format_table`.

                Run the tests from this folder with `python3 -m unittest discover -s tests`.

                """#,
            "textkit/__init__.py": #"""
                """Small text utilities: words, slugs, title case, wrapping and plain-text tables."""

                from .layout import fill, format_table, truncate, wrap
                from .words import slugify, title_case, top_words, unique_slug, word_frequencies, words

                __all__ = [
                    "fill",
                    "format_table",
                    "slugify",
                    "title_case",
                    "top_words",
                    "truncate",
                    "unique_slug",
                    "word_frequencies",
                    "words",
                    "wrap",
                ]

                """#,
            "textkit/layout.py": #"""
                """Laying text out in fixed-width columns."""


                def wrap(text, width):
                    """Greedy word wrap into lines of at most `width` characters; longer words are split."""
                    if width < 1:
                        raise ValueError("width must be at least 1")
                    lines = []
                    current = ""
                    for word in text.split():
                        while len(word) > width:
                            if current:
                                lines.append(current)
                                current = ""
                            lines.append(word[:width])
                            word = word[width:]
                        if not current:
                            current = word
                        elif len(current) + 1 + len(word) <= width:
                            current += " " + word
                        else:
                            lines.append(current)
                            current = word
                    if current:
                        lines.append(current)
                    return lines


                def fill(text, width, first_indent="", indent=""):
                    """Wrap text and join the lines; `first_indent` starts the first line and `indent` the others.

                    The prefixes count toward the width: fill(item, 30, "- ", "  ") makes a list item with a
                    hanging indent.
                    """
                    room = width - max(len(first_indent), len(indent))
                    lines = wrap(text, room)
                    return "\n".join(_with_prefixes(lines, first_indent, indent))


                def _with_prefixes(lines, first, rest):
                    return [(first if i == 0 else rest) + line for i, line in enumerate(lines)]


                def truncate(text, limit, ellipsis="…"):
                    """Shorten text to at most `limit` characters, ending with `ellipsis` when something was cut."""
                    if len(text) <= limit:
                        return text
                    if limit <= len(ellipsis):
                        return ellipsis[:limit]
                    return text[: limit - len(ellipsis)].rstrip() + ellipsis


                def format_table(headers, rows, align=None):
                    """Render rows as a plain-text table: the headers, a rule of dashes, then one line per row.

                    `align` has one character per column, "<" (left, the default) or ">" (right).
                    """
                    cells = [[str(value) for value in row] for row in rows]
                    widths = [len(header) for header in headers]
                    for row in cells:
                        if len(row) != len(headers):
                            raise ValueError(f"row has {len(row)} cells, expected {len(headers)}")
                        for i, cell in enumerate(row):
                            widths[i] = max(widths[i], len(cell))
                    align = align or "<" * len(headers)
                    if len(align) != len(headers) or set(align) - {"<", ">"}:
                        raise ValueError(f"bad align: {align!r}")

                    def render(values):
                        return "  ".join(f"{value:{a}{w}}" for value, a, w in zip(values, align, widths)).rstrip()

                    lines = [render(headers), render(["-" * w for w in widths])]
                    lines.extend(render(row) for row in cells)
                    return "\n".join(lines)

                """#,
            "textkit/words.py": #"""
                """Words: tokenizing, counting, title case and URL slugs."""

                import re
                import unicodedata

                _WORD = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)*")
                _NON_ALNUM = re.compile(r"[^a-z0-9]+")

                SMALL_WORDS = frozenset("a an and as at but by for in nor of on or the to up via".split())


                def words(text):
                    """The words of text, keeping inner apostrophes: "Don't stop" -> ["Don't", "stop"]."""
                    return _WORD.findall(text)


                def word_frequencies(text):
                    """Lowercased word -> number of occurrences."""
                    counts = {}
                    for word in words(text):
                        key = word.lower()
                        counts[key] = counts.get(key, 0) + 1
                    return counts


                def top_words(text, n, stopwords=()):
                    """The n most frequent words as (word, count), most frequent first, ties in alphabetical order.

                    Words in `stopwords` are left out whatever their case.
                    """
                    stop = {word.lower() for word in stopwords}
                    counts = word_frequencies(text)
                    ranked = sorted(
                        (item for item in counts.items() if item[0] not in stop),
                        key=lambda item: (-item[1], item[0]),
                    )
                    return ranked[:n]


                def title_case(text):
                    """Capitalize each word except small ones ("of", "the"...), which stay lowercase unless first or last."""
                    parts = text.split()
                    result = []
                    for i, word in enumerate(parts):
                        lower = word.lower()
                        if 0 < i < len(parts) - 1 and lower in SMALL_WORDS:
                            result.append(lower)
                        else:
                            result.append(word[:1].upper() + word[1:])
                    return " ".join(result)


                def slugify(text, sep="-", max_length=None):
                    """Turn a title into a URL slug: "Crème Brûlée, Vol. 2" -> "creme-brulee-vol-2".

                    Accents are folded to ASCII and every run of other characters becomes one separator.
                    With max_length the slug is cut at a word boundary when there is one.
                    """
                    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
                    slug = _NON_ALNUM.sub(sep, folded.lower()).strip(sep)
                    if max_length is not None and len(slug) > max_length:
                        cut = slug[:max_length]
                        if sep in cut and slug[max_length] != sep:
                            cut = cut[: cut.rindex(sep)]
                        slug = cut.strip(sep)
                    return slug


                def unique_slug(text, taken, sep="-", max_length=None):
                    """Slugify text and make the slug unique among `taken` (a set, which gets the new slug).

                    Collisions get a numeric suffix: "post", "post-2", "post-3"... Text without any letter or
                    digit gives "untitled".
                    """
                    base = slugify(text, sep, max_length) or "untitled"
                    candidate = base
                    counter = 2
                    while candidate in taken:
                        candidate = f"{base}{sep}{counter}"
                        counter += 1
                    taken.add(candidate)
                    return candidate

                """#,
            "tests/__init__.py": "",
            "tests/test_layout.py": #"""
                import unittest

                from textkit.layout import fill, format_table, truncate, wrap


                class WrapTests(unittest.TestCase):
                    def test_wrap(self):
                        self.assertEqual(wrap("the quick brown fox jumps", 10), ["the quick", "brown fox", "jumps"])

                    def test_long_words_are_split(self):
                        self.assertEqual(wrap("abcdefghij xy", 4), ["abcd", "efgh", "ij", "xy"])

                    def test_collapses_whitespace(self):
                        self.assertEqual(wrap("  one \n two  ", 20), ["one two"])

                    def test_empty(self):
                        self.assertEqual(wrap("", 5), [])

                    def test_bad_width(self):
                        with self.assertRaises(ValueError):
                            wrap("text", 0)

                    def test_fill(self):
                        self.assertEqual(fill("one two three four", 9), "one two\nthree\nfour")

                    def test_fill_with_indent(self):
                        self.assertEqual(fill("one two three four", 11, "  ", "  "), "  one two\n  three\n  four")


                class TruncateTests(unittest.TestCase):
                    def test_short_text_is_kept(self):
                        self.assertEqual(truncate("hello world", 20), "hello world")
                        self.assertEqual(truncate("hello world", 11), "hello world")

                    def test_cut(self):
                        self.assertEqual(truncate("hello world", 7), "hello…")
                        self.assertEqual(truncate("hello world", 9), "hello wo…")


                class TableTests(unittest.TestCase):
                    def test_table(self):
                        table = format_table(["name", "qty"], [["apple", 3], ["fig", 12]], align="<>")
                        self.assertEqual(
                            table.splitlines(),
                            [
                                "name   qty",
                                "-----  ---",
                                "apple    3",
                                "fig     12",
                            ],
                        )

                    def test_ragged_rows_are_refused(self):
                        with self.assertRaises(ValueError):
                            format_table(["a", "b"], [[1]])


                if __name__ == "__main__":
                    unittest.main()

                """#,
            "tests/test_words.py": #"""
                import unittest

                from textkit.words import slugify, title_case, top_words, unique_slug, word_frequencies, words


                class WordsTests(unittest.TestCase):
                    def test_words_keep_apostrophes(self):
                        self.assertEqual(words("Don't stop, it's 2024!"), ["Don't", "stop", "it's", "2024"])

                    def test_frequencies_are_case_insensitive(self):
                        self.assertEqual(
                            word_frequencies("The cat and the hat"),
                            {"the": 2, "cat": 1, "and": 1, "hat": 1},
                        )

                    def test_top_words(self):
                        self.assertEqual(top_words("b a c a b a", 2), [("a", 3), ("b", 2)])

                    def test_top_words_ties_are_alphabetical(self):
                        self.assertEqual(top_words("dog cat emu", 2), [("cat", 1), ("dog", 1)])

                    def test_top_words_skips_stopwords(self):
                        text = "The cat and the hat and the bat sat"
                        self.assertEqual(top_words(text, 2, stopwords=["the", "and"]), [("bat", 1), ("cat", 1)])


                class TitleCaseTests(unittest.TestCase):
                    def test_small_words_stay_lowercase(self):
                        self.assertEqual(title_case("the lord of the rings"), "The Lord of the Rings")
                        self.assertEqual(title_case("war and peace"), "War and Peace")

                    def test_keeps_inner_capitals(self):
                        self.assertEqual(title_case("learning iOS in a week"), "Learning IOS in a Week")

                    def test_empty(self):
                        self.assertEqual(title_case(""), "")


                class SlugTests(unittest.TestCase):
                    def test_basic(self):
                        self.assertEqual(slugify("Hello, World!"), "hello-world")
                        self.assertEqual(slugify("  Crème Brûlée, Vol. 2 "), "creme-brulee-vol-2")

                    def test_separator(self):
                        self.assertEqual(slugify("Hello World", sep="_"), "hello_world")

                    def test_max_length_cuts_at_word_boundary(self):
                        self.assertEqual(slugify("Hello world again", max_length=14), "hello-world")

                    def test_max_length_not_needed(self):
                        self.assertEqual(slugify("abc", max_length=10), "abc")

                    def test_unique_slug(self):
                        self.assertEqual(unique_slug("New post", set()), "new-post")
                        self.assertEqual(unique_slug("Post", {"post"}), "post-2")
                        self.assertEqual(unique_slug("Post", {"post", "post-2"}), "post-3")

                    def test_unique_slug_of_symbols(self):
                        self.assertEqual(unique_slug("!!!", set()), "untitled")


                if __name__ == "__main__":
                    unittest.main()

                """#,
        ])

    // MARK: semver: semantic versions and ranges

    private static let semver = SWEProject(
        name: "semver",
        summary: "Semantic versions: parsing, precedence, bumping, and npm-style ranges (caret, tilde, x-ranges).",
        files: [
            "README.md": #"""
                # semver

                Parse, compare and bump [semantic versions](https://semver.org), and match them
                against npm-style ranges.

                ```python
                from semver import Version, Range, satisfies, max_satisfying

                v = Version.parse("1.4.0-rc.2+build.7")
                v < Version.parse("1.4.0")                 # True: a prerelease ranks below its release
                str(v.bump("prerelease"))                  # "1.4.0-rc.3"
                satisfies("1.9.0", "^1.2.3")               # True
                "2.0.0" in Range(">=1.0.0 <2.0.0")         # False
                max_satisfying(["1.0.0", "1.5.3", "2.0.0"], "~1.5.0")   # Version('1.5.3')
                ```

                Range syntax: `=1.2.3`, `>1.2.3`, `>=`, `<`, `<=`, bare `1.2.3`, `^1.2.3`, `~1.2.3`,
                `1.x`, `1.2.x`, `1`, `1.2`, `*`, space-separated sets joined with `||`. A prerelease
                only matches a set that names a prerelease of the same major.minor.patch.

                Run the tests from this folder with `python3 -m unittest discover -s tests`.

                """#,
            "semver/__init__.py": #"""
                """Semantic versions and npm-style version ranges."""

                from .ranges import Range, max_satisfying, satisfies
                from .version import InvalidVersion, Version

                __all__ = ["InvalidVersion", "Range", "Version", "max_satisfying", "satisfies"]

                """#,
            "semver/ranges.py": #"""
                """Version ranges in the npm style.

                A range is one or more comparator sets separated by "||"; a set is comparators separated by
                spaces, all of which must hold: ">=1.2.0 <2.0.0 || ^3.1.0". Forms: "=1.2.3", ">1.2.3",
                ">=1.2.3", "<1.2.3", "<=1.2.3", a bare "1.2.3", caret "^1.2.3", tilde "~1.2.3", x-ranges
                "1.x", "1.2.x", "1", "1.2", and "*".

                A prerelease only satisfies a set that has a comparator with a prerelease of the same
                major.minor.patch: ">=1.0.0" does not match "2.0.0-beta", but ">=2.0.0-alpha" does.
                """

                from .version import InvalidVersion, Version

                _COMPARE = {
                    "=": lambda version, bound: version == bound,
                    ">": lambda version, bound: version > bound,
                    ">=": lambda version, bound: version >= bound,
                    "<": lambda version, bound: version < bound,
                    "<=": lambda version, bound: version <= bound,
                }
                _WILDCARDS = ("x", "X", "*")


                def _caret(version):
                    # ^1.2.3 := >=1.2.3 <2.0.0, ^0.2.3 := >=0.2.3 <0.3.0, ^0.0.3 := >=0.0.3 <0.0.4
                    if version.major > 0:
                        upper = Version(version.major + 1)
                    elif version.minor > 0:
                        upper = Version(0, version.minor + 1)
                    else:
                        upper = Version(0, 0, version.patch + 1)
                    return [(">=", version), ("<", upper)]


                def _tilde(version):
                    # ~1.2.3 := >=1.2.3 <1.3.0
                    return [(">=", version), ("<", Version(version.major, version.minor + 1))]


                def _x_range(token):
                    parts = token.split(".")
                    while parts and parts[-1] in _WILDCARDS:
                        parts.pop()
                    if len(parts) >= 3:
                        return [("=", Version.parse(token))]
                    if not all(part.isdigit() for part in parts):
                        raise InvalidVersion(f"not a valid range: {token!r}")
                    numbers = [int(part) for part in parts]
                    if not numbers:
                        return []
                    if len(numbers) == 1:
                        return [(">=", Version(numbers[0])), ("<", Version(numbers[0] + 1))]
                    return [(">=", Version(numbers[0], numbers[1])), ("<", Version(numbers[0], numbers[1] + 1))]


                def _comparators(token):
                    if token.startswith("^"):
                        return _caret(Version.parse(token[1:]))
                    if token.startswith("~"):
                        return _tilde(Version.parse(token[1:]))
                    for op in (">=", "<=", ">", "<", "="):
                        if token.startswith(op):
                            return [(op, Version.parse(token[len(op):]))]
                    return _x_range(token)


                class Range:
                    def __init__(self, text):
                        self.text = text
                        self._sets = []
                        for alternative in text.split("||"):
                            comparators = []
                            for token in alternative.split():
                                comparators.extend(_comparators(token))
                            self._sets.append(comparators)

                    def __repr__(self):
                        return f"Range({self.text!r})"

                    def __contains__(self, version):
                        if isinstance(version, str):
                            version = Version.parse(version)
                        return any(self._set_allows(comparators, version) for comparators in self._sets)

                    @staticmethod
                    def _set_allows(comparators, version):
                        if not all(_COMPARE[op](version, bound) for op, bound in comparators):
                            return False
                        if version.prerelease:
                            return any(bound.prerelease and bound.release == version.release for _, bound in comparators)
                        return True


                def satisfies(version, range_text):
                    """Whether `version` (a string or Version) is in the range."""
                    return version in Range(range_text)


                def max_satisfying(versions, range_text):
                    """The highest of `versions` (strings or Versions) in the range, or None."""
                    allowed = Range(range_text)
                    matching = []
                    for item in versions:
                        version = item if isinstance(item, Version) else Version.parse(item)
                        if version in allowed:
                            matching.append(version)
                    return max(matching) if matching else None

                """#,
            "semver/version.py": #"""
                """Semantic versions (semver.org 2.0): parsing, precedence and bumping."""

                import re
                from functools import total_ordering

                _VERSION = re.compile(
                    r"v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
                    r"(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?"
                    r"(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?"
                )


                class InvalidVersion(ValueError):
                    """The text is not a semantic version (or not a valid range)."""


                def _identifier_key(identifier):
                    # Numeric identifiers compare as numbers and rank below alphanumeric ones.
                    if identifier.isdigit():
                        return (0, int(identifier), "")
                    return (1, 0, identifier)


                @total_ordering
                class Version:
                    """A version such as 1.4.0-rc.2+build.7. Build metadata is kept but ignored in comparisons."""

                    def __init__(self, major, minor=0, patch=0, prerelease=(), build=()):
                        if min(major, minor, patch) < 0:
                            raise ValueError("version numbers cannot be negative")
                        self.major = major
                        self.minor = minor
                        self.patch = patch
                        self.prerelease = list(prerelease)
                        self.build = list(build)

                    @classmethod
                    def parse(cls, text):
                        match = _VERSION.fullmatch(text.strip())
                        if match is None:
                            raise InvalidVersion(f"not a semantic version: {text!r}")
                        major, minor, patch, pre, build = match.groups()
                        return cls(
                            int(major),
                            int(minor),
                            int(patch),
                            pre.split(".") if pre else (),
                            build.split(".") if build else (),
                        )

                    @property
                    def release(self):
                        """(major, minor, patch)"""
                        return (self.major, self.minor, self.patch)

                    def _precedence(self):
                        if not self.prerelease:
                            # A release ranks above every prerelease of the same major.minor.patch.
                            return (self.release, 1, ())
                        return (self.release, 0, tuple(_identifier_key(p) for p in self.prerelease))

                    def __eq__(self, other):
                        if not isinstance(other, Version):
                            return NotImplemented
                        return self._precedence() == other._precedence()

                    def __lt__(self, other):
                        if not isinstance(other, Version):
                            return NotImplemented
                        return self._precedence() < other._precedence()

                    def __hash__(self):
                        return hash(self._precedence())

                    def __str__(self):
                        text = f"{self.major}.{self.minor}.{self.patch}"
                        if self.prerelease:
                            text += "-" + ".".join(self.prerelease)
                        if self.build:
                            text += "+" + ".".join(self.build)
                        return text

                    def __repr__(self):
                        return f"Version('{self}')"

                    def bump(self, part):
                        """The next version; part is "major", "minor", "patch" or "prerelease".

                        Bumping the patch of a prerelease gives its release: 2.0.0-rc.1 -> 2.0.0.
                        """
                        if part == "major":
                            return Version(self.major + 1)
                        if part == "minor":
                            return Version(self.major, self.minor + 1)
                        if part == "patch":
                            if self.prerelease:
                                return Version(self.major, self.minor, self.patch)
                            return Version(self.major, self.minor, self.patch + 1)
                        if part == "prerelease":
                            return self._next_prerelease()
                        raise ValueError(f"unknown version part: {part!r}")

                    def _next_prerelease(self):
                        # 1.2.3 -> 1.2.4-0, 1.2.4-rc.1 -> 1.2.4-rc.2, 1.2.4-rc -> 1.2.4-rc.0
                        if not self.prerelease:
                            return Version(self.major, self.minor, self.patch + 1, ["0"])
                        identifiers = list(self.prerelease)
                        if identifiers[-1].isdigit():
                            identifiers[-1] = str(int(identifiers[-1]) + 1)
                        else:
                            identifiers.append("0")
                        return Version(self.major, self.minor, self.patch, identifiers)

                """#,
            "tests/__init__.py": "",
            "tests/test_ranges.py": #"""
                import unittest

                from semver import InvalidVersion, Range, Version, max_satisfying, satisfies


                class RangeTests(unittest.TestCase):
                    def check(self, range_text, inside, outside):
                        r = Range(range_text)
                        for text in inside:
                            with self.subTest(range=range_text, version=text):
                                self.assertIn(text, r)
                        for text in outside:
                            with self.subTest(range=range_text, version=text):
                                self.assertNotIn(text, r)

                    def test_comparators(self):
                        self.check(">=1.2.0 <2.0.0", ["1.2.0", "1.9.9"], ["1.1.9", "2.0.0"])
                        self.check(">1.0.0 <=1.5.0", ["1.0.1", "1.5.0"], ["1.0.0", "1.5.1"])

                    def test_exact(self):
                        self.check("=1.2.3", ["1.2.3"], ["1.2.4"])
                        self.check("1.2.3", ["1.2.3"], ["1.2.2"])

                    def test_caret(self):
                        self.check("^1.2.3", ["1.2.3", "1.9.0"], ["1.2.2", "2.0.0"])
                        self.check("^0.2.3", ["0.2.3", "0.2.9"], ["0.2.2", "0.3.0"])

                    def test_tilde(self):
                        self.check("~1.4.2", ["1.4.2", "1.4.9"], ["1.4.1", "1.5.0"])

                    def test_x_ranges(self):
                        self.check("1.x", ["1.0.0", "1.99.0"], ["0.9.9", "2.0.0"])
                        self.check("1.2", ["1.2.0", "1.2.7"], ["1.3.0"])
                        self.check("*", ["0.0.1", "3.4.5"], [])

                    def test_alternatives(self):
                        self.check("<1.0.0 || >=3.0.0", ["0.9.0", "3.1.0"], ["1.0.0", "2.5.0"])

                    def test_accepts_version_objects(self):
                        self.assertTrue(satisfies(Version(1, 4, 0), "^1.2.0"))
                        self.assertFalse(satisfies("2.0.0", "~1.2.0"))

                    def test_bad_ranges(self):
                        for text in [">=1.2", "^1", "1.a", "~x"]:
                            with self.subTest(range=text):
                                with self.assertRaises(InvalidVersion):
                                    Range(text)


                class MaxSatisfyingTests(unittest.TestCase):
                    def test_picks_highest(self):
                        versions = ["1.0.0", "1.2.0", "1.5.3", "2.0.0"]
                        self.assertEqual(max_satisfying(versions, "^1.0.0"), Version.parse("1.5.3"))

                    def test_none(self):
                        self.assertIsNone(max_satisfying(["1.0.0", "1.1.0"], ">=2.0.0"))


                if __name__ == "__main__":
                    unittest.main()

                """#,
            "tests/test_version.py": #"""
                import unittest

                from semver import InvalidVersion, Version


                class ParseTests(unittest.TestCase):
                    def test_release(self):
                        v = Version.parse("1.2.3")
                        self.assertEqual((v.major, v.minor, v.patch), (1, 2, 3))
                        self.assertEqual(v.prerelease, [])
                        self.assertEqual(v.release, (1, 2, 3))

                    def test_leading_v_and_spaces(self):
                        self.assertEqual(Version.parse(" v2.0.0 "), Version(2))

                    def test_prerelease_and_build(self):
                        v = Version.parse("1.0.0-rc.1+build.5")
                        self.assertEqual(v.prerelease, ["rc", "1"])
                        self.assertEqual(v.build, ["build", "5"])

                    def test_invalid(self):
                        for text in ["1.2", "01.2.3", "1.2.3-", "1.2.3+", "abc", "1.2.3.4", ""]:
                            with self.subTest(text=text):
                                with self.assertRaises(InvalidVersion):
                                    Version.parse(text)

                    def test_str(self):
                        for text in ["1.2.3", "0.0.1", "1.0.0-rc.1", "2.0.0-alpha"]:
                            self.assertEqual(str(Version.parse(text)), text)

                    def test_negative_numbers_are_refused(self):
                        with self.assertRaises(ValueError):
                            Version(1, -1, 0)


                class OrderingTests(unittest.TestCase):
                    def test_precedence_chain(self):
                        chain = [
                            "1.0.0-alpha",
                            "1.0.0-alpha.1",
                            "1.0.0-beta",
                            "1.0.0-beta.2",
                            "1.0.0-beta.11",
                            "1.0.0-rc.1",
                            "1.0.0",
                            "1.0.1",
                            "1.1.0",
                            "2.0.0",
                        ]
                        versions = [Version.parse(text) for text in chain]
                        for lower, higher in zip(versions, versions[1:]):
                            with self.subTest(lower=str(lower), higher=str(higher)):
                                self.assertLess(lower, higher)
                        self.assertEqual(sorted(reversed(versions)), versions)

                    def test_build_is_ignored(self):
                        self.assertEqual(Version.parse("1.0.0+a"), Version.parse("1.0.0+b"))
                        self.assertEqual(len({Version.parse("1.0.0+a"), Version.parse("1.0.0")}), 1)


                class BumpTests(unittest.TestCase):
                    def test_release_bumps(self):
                        v = Version.parse("1.2.3")
                        self.assertEqual(str(v.bump("major")), "2.0.0")
                        self.assertEqual(str(v.bump("minor")), "1.3.0")
                        self.assertEqual(str(v.bump("patch")), "1.2.4")

                    def test_prerelease_bumps(self):
                        self.assertEqual(str(Version.parse("1.2.3").bump("prerelease")), "1.2.4-0")
                        self.assertEqual(str(Version.parse("1.2.4-rc.1").bump("prerelease")), "1.2.4-rc.2")
                        self.assertEqual(str(Version.parse("1.2.4-rc").bump("prerelease")), "1.2.4-rc.0")

                    def test_unknown_part(self):
                        with self.assertRaises(ValueError):
                            Version(1).bump("micro")


                if __name__ == "__main__":
                    unittest.main()

                """#,
        ])

    // MARK: calc: expression tokenizer, parser and evaluator

    private static let calc = SWEProject(
        name: "calc",
        summary: "A calculator: a tokenizer, a recursive-descent parser and an evaluator with variables and functions.",
        files: [
            "README.md": #"""
                # calc

                A tiny calculator for arithmetic expressions: `+ - * / %`, `^` (or `**`) for powers,
                parentheses, variables, the constants `pi` and `e`, and the functions `abs`, `sqrt`,
                `log(x[, base])`, `round(x[, digits])`, `min` and `max`.

                ```python
                from calc import evaluate, Calculator, CalcError

                evaluate("2 * (3 + 4)")                     # 14
                evaluate("rate * hours", {"rate": 12, "hours": 3})   # 36
                calc = Calculator()
                calc.run("x = 4")
                calc.run("x ^ 2 + ans")                     # 20
                try:
                    evaluate("(1 + 2")
                except CalcError as error:
                    print(error.pos, error)                 # where it went wrong
                ```

                Integers stay integers (`6 * 7` is `42`); `/` always gives a float. Errors raise
                `CalcError` with the 0-based position in the text when there is one.

                Run the tests from this folder with `python3 -m unittest discover -s tests`.

                """#,
            "calc/__init__.py": #"""
                """A tiny calculator: arithmetic expressions with variables, constants and a few functions."""

                from .lexer import CalcError, Token, tokenize
                from .parser import Calculator, evaluate, parse

                __all__ = ["CalcError", "Calculator", "Token", "evaluate", "parse", "tokenize"]

                """#,
            "calc/lexer.py": #"""
                """Splitting an expression into tokens."""

                from dataclasses import dataclass


                class CalcError(Exception):
                    """A malformed expression or a failed evaluation; `pos` is the 0-based offset in the text, if known."""

                    def __init__(self, message, pos=None):
                        super().__init__(message if pos is None else f"{message} at position {pos}")
                        self.message = message
                        self.pos = pos


                @dataclass(frozen=True)
                class Token:
                    kind: str  # "number", "name", "op", "(", ")", ",", or "end"
                    text: str
                    pos: int


                OPERATORS = "+-*/%^"


                def tokenize(text):
                    """The tokens of text, ending with an "end" token. "**" is read as "^"."""
                    tokens = []
                    i = 0
                    while i < len(text):
                        ch = text[i]
                        if ch.isspace():
                            i += 1
                        elif ch.isdigit() or (ch == "." and i + 1 < len(text) and text[i + 1].isdigit()):
                            start = i
                            while i < len(text) and text[i].isdigit():
                                i += 1
                            if i < len(text) and text[i] == ".":
                                i += 1
                                while i < len(text) and text[i].isdigit():
                                    i += 1
                            tokens.append(Token("number", text[start:i], start))
                        elif ch.isalpha() or ch == "_":
                            start = i
                            while i < len(text) and (text[i].isalnum() or text[i] == "_"):
                                i += 1
                            tokens.append(Token("name", text[start:i], start))
                        elif text.startswith("**", i):
                            tokens.append(Token("op", "^", i))
                            i += 2
                        elif ch in OPERATORS:
                            tokens.append(Token("op", ch, i))
                            i += 1
                        elif ch in "(),":
                            tokens.append(Token(ch, ch, i))
                            i += 1
                        else:
                            raise CalcError(f"unexpected character {ch!r}", i)
                    tokens.append(Token("end", "", len(text)))
                    return tokens

                """#,
            "calc/parser.py": #"""
                """Parsing and evaluating expressions.

                Grammar, loosest binding first:
                    expression := term (("+" | "-") term)*
                    term       := unary (("*" | "/" | "%") unary)*
                    unary      := ("+" | "-") unary | power
                    power      := atom ("^" unary)?        right-associative, and -2^2 == -4
                    atom       := number | name | name "(" [expression ("," expression)*] ")" | "(" expression ")"
                """

                import math

                from .lexer import CalcError, tokenize


                def _log(x, base=math.e):
                    return math.log(x, base)


                # name -> (function, fewest arguments, most arguments or None)
                FUNCTIONS = {
                    "abs": (abs, 1, 1),
                    "sqrt": (math.sqrt, 1, 1),
                    "log": (_log, 1, 2),
                    "round": (round, 1, 2),
                    "min": (min, 1, None),
                    "max": (max, 1, None),
                }
                CONSTANTS = {"pi": math.pi, "e": math.e}
                MAX_EXPONENT = 10_000


                class Parser:
                    def __init__(self, text):
                        self.tokens = tokenize(text)
                        self.index = 0

                    def peek(self):
                        return self.tokens[self.index]

                    def advance(self):
                        token = self.tokens[self.index]
                        if token.kind != "end":
                            self.index += 1
                        return token

                    def expect(self, kind):
                        token = self.peek()
                        if token.kind != kind:
                            found = "end of input" if token.kind == "end" else repr(token.text)
                            raise CalcError(f"expected {kind!r}, found {found}", token.pos)
                        return self.advance()

                    def parse(self):
                        node = self.expression()
                        token = self.peek()
                        if token.kind != "end":
                            raise CalcError(f"unexpected {token.text!r}", token.pos)
                        return node

                    def expression(self):
                        node = self.term()
                        while self.peek().kind == "op" and self.peek().text in ("+", "-"):
                            op = self.advance().text
                            node = ("binary", op, node, self.term())
                        return node

                    def term(self):
                        node = self.unary()
                        while self.peek().kind == "op" and self.peek().text in ("*", "/", "%"):
                            op = self.advance().text
                            node = ("binary", op, node, self.unary())
                        return node

                    def unary(self):
                        token = self.peek()
                        if token.kind == "op" and token.text in ("+", "-"):
                            self.advance()
                            operand = self.unary()
                            return ("negate", operand) if token.text == "-" else operand
                        return self.power()

                    def power(self):
                        base = self.atom()
                        if self.peek().kind == "op" and self.peek().text == "^":
                            self.advance()
                            return ("binary", "^", base, self.unary())
                        return base

                    def atom(self):
                        token = self.advance()
                        if token.kind == "number":
                            return ("number", float(token.text) if "." in token.text else int(token.text))
                        if token.kind == "name":
                            if self.peek().kind != "(":
                                return ("name", token.text, token.pos)
                            self.advance()
                            args = []
                            if self.peek().kind != ")":
                                args.append(self.expression())
                                while self.peek().kind == ",":
                                    self.advance()
                                    args.append(self.expression())
                            self.expect(")")
                            return ("call", token.text, args, token.pos)
                        if token.kind == "(":
                            node = self.expression()
                            self.expect(")")
                            return node
                        if token.kind == "end":
                            raise CalcError("unexpected end of input", token.pos)
                        raise CalcError(f"unexpected {token.text!r}", token.pos)


                def parse(text):
                    """The syntax tree of an expression (nested tuples)."""
                    return Parser(text).parse()


                def evaluate(text, variables=None):
                    """The value of an expression; `variables` maps names to numbers and may shadow pi and e."""
                    env = dict(CONSTANTS)
                    env.update(variables or {})
                    return _evaluate(parse(text), env)


                def _evaluate(node, env):
                    kind = node[0]
                    if kind == "number":
                        return node[1]
                    if kind == "name":
                        _, name, pos = node
                        if name not in env:
                            raise CalcError(f"unknown name {name!r}", pos)
                        return env[name]
                    if kind == "negate":
                        return -_evaluate(node[1], env)
                    if kind == "call":
                        return _call(node, env)
                    _, op, left, right = node
                    return _binary(op, _evaluate(left, env), _evaluate(right, env))


                def _call(node, env):
                    _, name, args, pos = node
                    if name not in FUNCTIONS:
                        raise CalcError(f"unknown function {name!r}", pos)
                    function, fewest, most = FUNCTIONS[name]
                    if len(args) < fewest:
                        raise CalcError(f"{name}() needs at least {fewest} argument(s), got {len(args)}", pos)
                    if most is not None and len(args) > most:
                        raise CalcError(f"{name}() takes at most {most} argument(s), got {len(args)}", pos)
                    values = [_evaluate(arg, env) for arg in args]
                    try:
                        return function(*values)
                    except (ValueError, ZeroDivisionError) as error:
                        raise CalcError(f"{name}(): {error}", pos) from None


                def _binary(op, a, b):
                    if op in ("/", "%") and b == 0:
                        raise CalcError("division by zero")
                    if op == "+":
                        return a + b
                    if op == "-":
                        return a - b
                    if op == "*":
                        return a * b
                    if op == "/":
                        return a / b
                    if op == "%":
                        return a % b
                    if abs(b) > MAX_EXPONENT:
                        raise CalcError("exponent too large")
                    try:
                        result = a**b
                    except (OverflowError, ZeroDivisionError):
                        raise CalcError("result out of range") from None
                    if isinstance(result, complex):
                        raise CalcError("result is not a real number")
                    return result


                class Calculator:
                    """Evaluates lines one after another, remembering assignments ("x = 2") and the last result ("ans")."""

                    def __init__(self):
                        self.variables = {}

                    def run(self, line):
                        target, expression = None, line
                        if "=" in line:
                            target, _, expression = line.partition("=")
                            target = target.strip()
                            if not target.isidentifier() or target in CONSTANTS or target in FUNCTIONS or target == "ans":
                                raise CalcError(f"cannot assign to {target!r}")
                        value = evaluate(expression, self.variables)
                        if target is not None:
                            self.variables[target] = value
                        self.variables["ans"] = value
                        return value

                """#,
            "tests/__init__.py": "",
            "tests/test_evaluate.py": #"""
                import math
                import unittest

                from calc import CalcError, Calculator, evaluate


                class EvaluateTests(unittest.TestCase):
                    def test_precedence(self):
                        self.assertEqual(evaluate("1 + 2 * 3"), 7)
                        self.assertEqual(evaluate("(1 + 2) * 3"), 9)
                        self.assertEqual(evaluate("10 - 4 - 3"), 3)
                        self.assertEqual(evaluate("7 % 4 + 1"), 4)

                    def test_power(self):
                        self.assertEqual(evaluate("2 ^ 3 ^ 2"), 512)
                        self.assertEqual(evaluate("-2 ^ 2"), -4)
                        self.assertEqual(evaluate("2 ^ -1"), 0.5)

                    def test_division(self):
                        self.assertEqual(evaluate("7 / 2"), 3.5)

                    def test_decimals(self):
                        self.assertEqual(evaluate(".5 + 1.25"), 1.75)

                    def test_unary(self):
                        self.assertEqual(evaluate("--3"), 3)
                        self.assertEqual(evaluate("-(2 + 3)"), -5)
                        self.assertEqual(evaluate("+4"), 4)

                    def test_variables(self):
                        self.assertEqual(evaluate("rate * hours", {"rate": 12, "hours": 3}), 36)

                    def test_constants(self):
                        self.assertAlmostEqual(evaluate("2 * pi"), 2 * math.pi)
                        self.assertEqual(evaluate("e", {"e": 5}), 5)

                    def test_functions(self):
                        self.assertEqual(evaluate("abs(-3)"), 3)
                        self.assertEqual(evaluate("sqrt(16)"), 4)
                        self.assertEqual(evaluate("max(1, 5, 3)"), 5)
                        self.assertEqual(evaluate("min(4, 2)"), 2)
                        self.assertEqual(evaluate("round(2.7)"), 3)
                        self.assertAlmostEqual(evaluate("log(e)"), 1.0)

                    def test_errors(self):
                        bad = [
                            "",
                            "2 +",
                            "(1 + 2",
                            "1 2",
                            "2 $ 3",
                            "1 / 0",
                            "5 % 0",
                            "nope + 1",
                            "foo(1)",
                            "sqrt(1, 2)",
                            "sqrt(-1)",
                            "2 ^ 100000",
                            "(-8) ^ 0.5",
                        ]
                        for text in bad:
                            with self.subTest(text=text):
                                with self.assertRaises(CalcError):
                                    evaluate(text)


                class CalculatorTests(unittest.TestCase):
                    def test_assignment_and_ans(self):
                        calc = Calculator()
                        self.assertEqual(calc.run("x = 4"), 4)
                        self.assertEqual(calc.run("x * 2"), 8)
                        self.assertEqual(calc.run("ans + 1"), 9)
                        self.assertEqual(calc.variables["x"], 4)

                    def test_bad_targets(self):
                        calc = Calculator()
                        for line in ["pi = 3", "2x = 1", "sqrt = 2", "ans = 1"]:
                            with self.subTest(line=line):
                                with self.assertRaises(CalcError):
                                    calc.run(line)


                if __name__ == "__main__":
                    unittest.main()

                """#,
            "tests/test_lexer.py": #"""
                import unittest

                from calc import CalcError, tokenize


                class TokenizeTests(unittest.TestCase):
                    def kinds(self, text):
                        return [(t.kind, t.text) for t in tokenize(text)]

                    def test_tokens(self):
                        self.assertEqual(
                            self.kinds("3.5 * (rate_1 + .25)"),
                            [
                                ("number", "3.5"),
                                ("op", "*"),
                                ("(", "("),
                                ("name", "rate_1"),
                                ("op", "+"),
                                ("number", ".25"),
                                (")", ")"),
                                ("end", ""),
                            ],
                        )

                    def test_positions(self):
                        self.assertEqual([t.pos for t in tokenize(" 12 +x")], [1, 4, 5, 6])

                    def test_bad_character(self):
                        with self.assertRaises(CalcError) as ctx:
                            tokenize("2 $ 3")
                        self.assertEqual(ctx.exception.pos, 2)


                if __name__ == "__main__":
                    unittest.main()

                """#,
        ])

    // MARK: cachebox: LRU cache with time-to-live, and memoize

    private static let cachebox = SWEProject(
        name: "cachebox",
        summary: "An LRU cache with per-entry time-to-live, statistics, and a memoizing decorator built on it.",
        files: [
            "README.md": #"""
                # cachebox

                A least-recently-used cache with optional time-to-live, and a `memoize` decorator on top.

                ```python
                from cachebox import LRUCache, memoize

                cache = LRUCache(capacity=100, ttl=60)       # entries expire 60 s after they are stored
                cache.put("user:1", {"name": "Ada"})
                cache.put("token", "abc", ttl=5)            # this entry lives 5 s
                cache.get("user:1")                         # refreshes its recency
                "token" in cache                            # False once it has expired
                cache.pop("user:1")                         # KeyError if missing and no default
                cache.stats()                               # hits, misses, evictions, size, hit_rate

                @memoize(capacity=256, ttl=30, cache_none=False)
                def lookup(key): ...
                ```

                Pass `clock=` (a function returning seconds) to control time in tests.

                Run the tests from this folder with `python3 -m unittest discover -s tests`.

                """#,
            "cachebox/__init__.py": #"""
                """An LRU cache with optional time-to-live, and a memoizing decorator built on it."""

                from .cache import LRUCache
                from .memo import memoize

                __all__ = ["LRUCache", "memoize"]

                """#,
            "cachebox/cache.py": #"""
                """A least-recently-used cache whose entries can also expire."""

                import time
                from collections import OrderedDict

                _MISSING = object()


                class LRUCache:
                    """Holds at most `capacity` entries and drops the least recently used one when full.

                    With `ttl` (seconds) an entry expires that long after it was stored; `put` can give an
                    entry its own ttl. `clock` returns the current time in seconds (tests pass a fake one).
                    """

                    def __init__(self, capacity, ttl=None, clock=time.monotonic):
                        if capacity < 1:
                            raise ValueError("capacity must be at least 1")
                        if ttl is not None and ttl <= 0:
                            raise ValueError("ttl must be positive")
                        self.capacity = capacity
                        self.ttl = ttl
                        self._clock = clock
                        self._entries = OrderedDict()  # key -> (value, expires_at or None), least recent first
                        self.hits = 0
                        self.misses = 0
                        self.evictions = 0

                    def get(self, key, default=None):
                        """The value for key (which becomes the most recently used), or default."""
                        value = self._live(key)
                        if value is _MISSING:
                            self.misses += 1
                            return default
                        self.hits += 1
                        self._entries.move_to_end(key)
                        return value

                    def peek(self, key, default=None):
                        """Like get, but leaves recency and statistics alone."""
                        value = self._live(key)
                        return default if value is _MISSING else value

                    def put(self, key, value, ttl=None):
                        """Store value under key as the most recently used entry, evicting if the cache is full."""
                        if ttl is not None and ttl <= 0:
                            raise ValueError("ttl must be positive")
                        ttl = self.ttl if ttl is None else ttl
                        expires_at = None if ttl is None else self._clock() + ttl
                        self._entries[key] = (value, expires_at)
                        self._entries.move_to_end(key)
                        if len(self._entries) > self.capacity:
                            self._drop_expired()
                        self._shrink(self.capacity)

                    def pop(self, key, default=_MISSING):
                        """Remove key and return its value; a missing key gives default, or KeyError without one."""
                        value = self._live(key)
                        if value is _MISSING:
                            if default is _MISSING:
                                raise KeyError(key)
                            return default
                        del self._entries[key]
                        return value

                    def __contains__(self, key):
                        return self._live(key) is not _MISSING

                    def __len__(self):
                        self._drop_expired()
                        return len(self._entries)

                    def keys(self):
                        """Live keys from least to most recently used."""
                        self._drop_expired()
                        return list(self._entries)

                    def clear(self):
                        self._entries.clear()

                    def resize(self, capacity):
                        if capacity < 1:
                            raise ValueError("capacity must be at least 1")
                        self.capacity = capacity
                        self._drop_expired()
                        self._shrink(capacity)

                    def stats(self):
                        lookups = self.hits + self.misses
                        return {
                            "hits": self.hits,
                            "misses": self.misses,
                            "evictions": self.evictions,
                            "size": len(self),
                            "hit_rate": self.hits / lookups if lookups else 0.0,
                        }

                    def _is_expired(self, expires_at):
                        return expires_at is not None and self._clock() >= expires_at

                    def _live(self, key):
                        """The value stored under key, or _MISSING; an expired entry is dropped on the way."""
                        entry = self._entries.get(key)
                        if entry is None:
                            return _MISSING
                        value, expires_at = entry
                        if self._is_expired(expires_at):
                            del self._entries[key]
                            return _MISSING
                        return value

                    def _drop_expired(self):
                        expired = [key for key, (_, expires_at) in self._entries.items() if self._is_expired(expires_at)]
                        for key in expired:
                            del self._entries[key]

                    def _shrink(self, capacity):
                        while len(self._entries) > capacity:
                            self._entries.popitem(last=False)
                            self.evictions += 1

                """#,
            "cachebox/memo.py": #"""
                """A memoizing decorator backed by LRUCache."""

                import functools
                import time

                from .cache import LRUCache

                _MISSING = object()


                def memoize(capacity=128, ttl=None, clock=time.monotonic, cache_none=True):
                    """Cache a function's results by its (hashable) arguments.

                    Exceptions are never cached. With cache_none=False a None result is not stored either,
                    so the next call tries again. The wrapper has `.cache` (the LRUCache) and `.cache_clear()`.
                    """

                    def decorate(func):
                        cache = LRUCache(capacity, ttl=ttl, clock=clock)

                        @functools.wraps(func)
                        def wrapper(*args, **kwargs):
                            key = (args, tuple(sorted(kwargs.items())))
                            result = cache.get(key, _MISSING)
                            if result is _MISSING:
                                result = func(*args, **kwargs)
                                if result is not None or cache_none:
                                    cache.put(key, result)
                            return result

                        wrapper.cache = cache
                        wrapper.cache_clear = cache.clear
                        return wrapper

                    return decorate

                """#,
            "tests/__init__.py": "",
            "tests/test_cache.py": #"""
                import unittest

                from cachebox import LRUCache


                class FakeClock:
                    def __init__(self):
                        self.now = 0.0

                    def __call__(self):
                        return self.now


                class LRUCacheTests(unittest.TestCase):
                    def test_get_and_put(self):
                        cache = LRUCache(2)
                        cache.put("a", 1)
                        self.assertEqual(cache.get("a"), 1)
                        self.assertIsNone(cache.get("missing"))
                        self.assertEqual(cache.get("missing", "default"), "default")

                    def test_least_recently_used_is_evicted(self):
                        cache = LRUCache(2)
                        cache.put("a", 1)
                        cache.put("b", 2)
                        cache.get("a")
                        cache.put("c", 3)
                        self.assertNotIn("b", cache)
                        self.assertEqual(cache.keys(), ["a", "c"])
                        self.assertEqual(cache.evictions, 1)

                    def test_update_replaces_value(self):
                        cache = LRUCache(2)
                        cache.put("a", 1)
                        cache.put("a", 2)
                        self.assertEqual(cache.get("a"), 2)
                        self.assertEqual(len(cache), 1)

                    def test_stored_none_is_a_hit(self):
                        cache = LRUCache(2)
                        cache.put("a", None)
                        self.assertIn("a", cache)
                        self.assertEqual(cache.get("a", "default"), None)
                        self.assertEqual(cache.hits, 1)

                    def test_ttl(self):
                        clock = FakeClock()
                        cache = LRUCache(10, ttl=5, clock=clock)
                        cache.put("a", 1)
                        clock.now = 4
                        self.assertEqual(cache.get("a"), 1)
                        clock.now = 6
                        self.assertIsNone(cache.get("a"))
                        self.assertEqual(len(cache), 0)

                    def test_without_ttl_entries_never_expire(self):
                        clock = FakeClock()
                        cache = LRUCache(10, clock=clock)
                        cache.put("a", 1)
                        clock.now = 1e9
                        self.assertEqual(cache.get("a"), 1)

                    def test_peek_does_not_refresh(self):
                        cache = LRUCache(2)
                        cache.put("a", 1)
                        cache.put("b", 2)
                        self.assertEqual(cache.peek("a"), 1)
                        cache.put("c", 3)
                        self.assertEqual(cache.keys(), ["b", "c"])
                        self.assertEqual(cache.hits + cache.misses, 0)

                    def test_pop(self):
                        cache = LRUCache(2)
                        cache.put("a", 1)
                        self.assertEqual(cache.pop("a"), 1)
                        self.assertEqual(cache.pop("a", "gone"), "gone")
                        self.assertEqual(len(cache), 0)

                    def test_stats(self):
                        cache = LRUCache(2)
                        cache.put("a", 1)
                        cache.get("a")
                        cache.get("a")
                        cache.get("b")
                        stats = cache.stats()
                        self.assertEqual((stats["hits"], stats["misses"], stats["size"]), (2, 1, 1))
                        self.assertAlmostEqual(stats["hit_rate"], 2 / 3)

                    def test_resize(self):
                        cache = LRUCache(3)
                        for key in "abc":
                            cache.put(key, key.upper())
                        cache.resize(1)
                        self.assertEqual(cache.keys(), ["c"])
                        self.assertEqual(cache.evictions, 2)

                    def test_clear(self):
                        cache = LRUCache(3)
                        cache.put("a", 1)
                        cache.clear()
                        self.assertEqual(len(cache), 0)

                    def test_invalid_arguments(self):
                        with self.assertRaises(ValueError):
                            LRUCache(0)
                        with self.assertRaises(ValueError):
                            LRUCache(1, ttl=0)
                        with self.assertRaises(ValueError):
                            LRUCache(1).put("a", 1, ttl=-1)


                if __name__ == "__main__":
                    unittest.main()

                """#,
            "tests/test_memo.py": #"""
                import unittest

                from cachebox import memoize


                class FakeClock:
                    def __init__(self):
                        self.now = 0.0

                    def __call__(self):
                        return self.now


                class MemoizeTests(unittest.TestCase):
                    def test_results_are_cached(self):
                        calls = []

                        @memoize()
                        def square(x):
                            calls.append(x)
                            return x * x

                        self.assertEqual(square(3), 9)
                        self.assertEqual(square(3), 9)
                        self.assertEqual(square(4), 16)
                        self.assertEqual(calls, [3, 4])

                    def test_keyword_order_does_not_matter(self):
                        calls = []

                        @memoize()
                        def area(width, height):
                            calls.append((width, height))
                            return width * height

                        self.assertEqual(area(width=2, height=5), 10)
                        self.assertEqual(area(height=5, width=2), 10)
                        self.assertEqual(len(calls), 1)

                    def test_exceptions_are_not_cached(self):
                        attempts = []

                        @memoize()
                        def flaky(x):
                            attempts.append(x)
                            if len(attempts) == 1:
                                raise RuntimeError("first call fails")
                            return x

                        with self.assertRaises(RuntimeError):
                            flaky(1)
                        self.assertEqual(flaky(1), 1)
                        self.assertEqual(len(attempts), 2)

                    def test_cache_none_false_retries_none(self):
                        calls = []

                        @memoize(cache_none=False)
                        def lookup(key):
                            calls.append(key)
                            return None

                        lookup("k")
                        lookup("k")
                        self.assertEqual(len(calls), 2)

                    def test_ttl(self):
                        clock = FakeClock()
                        calls = []

                        @memoize(ttl=10, clock=clock)
                        def fetch(x):
                            calls.append(x)
                            return x + 1

                        fetch(1)
                        clock.now = 5
                        fetch(1)
                        clock.now = 11
                        fetch(1)
                        self.assertEqual(len(calls), 2)

                    def test_capacity_and_clear(self):
                        calls = []

                        @memoize(capacity=1)
                        def double(x):
                            calls.append(x)
                            return 2 * x

                        double(1)
                        double(2)
                        double(1)
                        self.assertEqual(calls, [1, 2, 1])
                        double.cache_clear()
                        double(1)
                        self.assertEqual(calls, [1, 2, 1, 1])
                        self.assertEqual(double.__name__, "double")


                if __name__ == "__main__":
                    unittest.main()

                """#,
        ])
}
