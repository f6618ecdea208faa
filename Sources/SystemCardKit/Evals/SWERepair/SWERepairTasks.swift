// The tasks of `swe-repair`: one known bug per task in a ``SWEProject/all`` project, with the issue a user would
// file and a hidden test module that fails with the bug and passes without it. The visible tests pass either way.

extension SWETask {
    /// Every `swe-repair` task, project by project; ids are `<project>-<n>`.
    static let all: [SWETask] = ledger + textkit + semver + calc + cachebox

    // MARK: ledger

    private static let ledger: [SWETask] = [
        SWETask(
            id: "ledger-1", project: "ledger", mutation: .missingGuard,
            file: "ledger/money.py",
            original: #"""
                    whole = whole or "0"
                    if not whole.isdigit()
                """#,
            buggy: #"    if not whole.isdigit()"#,
            issue: #"""
                `parse_amount` refuses amounts that have no digit before the decimal point. `parse_amount(".75")` \#
                raises `ValueError: invalid amount: '.75'`, and `parse_amount("-.05")` fails the same way. The \#
                docstring lists ".75" as a supported format, so I expected 75 and -5 cents. Our bank's CSV export \#
                writes small amounts like that, so importing a statement aborts on the first one.
                """#,
            hiddenTest: #"""
                import unittest

                from ledger.money import parse_amount


                class LeadingDecimalPointTests(unittest.TestCase):
                    def test_no_digit_before_the_point(self):
                        self.assertEqual(parse_amount(".75"), 75)
                        self.assertEqual(parse_amount("$.5"), 50)

                    def test_negative(self):
                        self.assertEqual(parse_amount("-.05"), -5)

                    def test_bare_point_is_still_invalid(self):
                        with self.assertRaises(ValueError):
                            parse_amount(".")


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 8),
        SWETask(
            id: "ledger-2", project: "ledger", mutation: .comparison,
            file: "ledger/money.py",
            original: #"    sign = "-" if cents < 0 else """#,
            buggy: #"    sign = "-" if cents <= 0 else """#,
            issue: #"""
                Zero is displayed as a negative amount. I opened an account, didn't deposit anything yet, and \#
                `book.report()` shows `-$0.00` on its line. Directly, `format_cents(0)` returns `'-$0.00'`; I \#
                expected `'$0.00'`. Positive and negative amounts look fine.
                """#,
            hiddenTest: #"""
                import unittest

                from ledger import Ledger, format_cents


                class ZeroAmountTests(unittest.TestCase):
                    def test_zero(self):
                        self.assertEqual(format_cents(0), "$0.00")
                        self.assertEqual(format_cents(0, symbol="€"), "€0.00")

                    def test_small_amounts_keep_their_sign(self):
                        self.assertEqual(format_cents(1), "$0.01")
                        self.assertEqual(format_cents(-1), "-$0.01")

                    def test_report_with_an_empty_account(self):
                        book = Ledger()
                        book.open("bank")
                        book.open("cash")
                        book.deposit("bank", 1500)
                        lines = book.report().splitlines()
                        self.assertEqual(lines[1].split(), ["cash", "$0.00"])
                        self.assertEqual(lines[2].split(), ["total", "$15.00"])


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 6),
        SWETask(
            id: "ledger-3", project: "ledger", mutation: .wrongVariable,
            file: "ledger/book.py",
            original: #"        self._check_funds(source, amount)"#,
            buggy: #"        self._check_funds(target, amount)"#,
            issue: #"""
                I can't move money into a freshly opened account:

                ```python
                book = Ledger()
                book.open("checking")
                book.deposit("checking", 50000)
                book.open("savings")
                book.transfer("checking", "savings", 20000)
                ```

                This raises `InsufficientFunds: savings cannot cover $200.00`, although checking has $500.00. \#
                Transfers between two accounts that both already hold money seem to work.
                """#,
            hiddenTest: #"""
                import unittest

                from ledger import InsufficientFunds, Ledger


                class TransferFundsTests(unittest.TestCase):
                    def setUp(self):
                        self.book = Ledger()
                        self.book.open("checking")
                        self.book.deposit("checking", 50000)
                        self.book.open("savings")

                    def test_transfer_into_an_empty_account(self):
                        self.book.transfer("checking", "savings", 20000)
                        self.assertEqual(self.book.balance("checking"), 30000)
                        self.assertEqual(self.book.balance("savings"), 20000)

                    def test_the_source_must_cover_the_amount(self):
                        with self.assertRaises(InsufficientFunds):
                            self.book.transfer("savings", "checking", 100)
                        self.assertEqual(self.book.balance("checking"), 50000)
                        self.assertEqual(self.book.balance("savings"), 0)

                    def test_source_overdraft_counts(self):
                        self.book.open("card", overdraft=10000)
                        self.book.transfer("card", "savings", 10000)
                        self.assertEqual(self.book.balance("card"), -10000)


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 10),
        SWETask(
            id: "ledger-4", project: "ledger", mutation: .argumentOrder,
            file: "ledger/book.py",
            original: #"            self.transfer(name, into, account.balance, memo=f"closing {name}")"#,
            buggy: #"            self.transfer(into, name, account.balance, memo=f"closing {name}")"#,
            issue: #"""
                Closing an account that still has money on it loses money.

                ```python
                book.open("old")
                book.deposit("old", 1200)
                book.close("old", into="checking")
                ```

                Afterwards checking has $12.00 less than before instead of $12.00 more, and `book.total()` went \#
                down by $24.00. When the target account is empty, `close` fails with `InsufficientFunds: checking \#
                cannot cover $12.00`. Closing an account with a zero balance works.
                """#,
            hiddenTest: #"""
                import unittest

                from ledger import Ledger


                class CloseTests(unittest.TestCase):
                    def test_remaining_balance_moves_to_target(self):
                        book = Ledger()
                        book.open("checking")
                        book.deposit("checking", 5000)
                        book.open("old")
                        book.deposit("old", 1200)
                        book.close("old", into="checking")
                        self.assertEqual(book.balance("checking"), 6200)
                        self.assertEqual(book.total(), 6200)
                        self.assertEqual(book.accounts(), ["checking"])

                    def test_close_into_an_empty_account(self):
                        book = Ledger()
                        book.open("old")
                        book.deposit("old", 800)
                        book.open("new")
                        book.close("old", into="new")
                        self.assertEqual(book.balance("new"), 800)
                        self.assertEqual(book.entries("new")[-1].memo, "closing old")


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 8),
        SWETask(
            id: "ledger-5", project: "ledger", mutation: .stateUpdate,
            file: "ledger/book.py",
            original: #"""
                        self._undone.add(txn)
                        return self._post(legs, day, f"undo {txn}")
                """#,
            buggy: #"        return self._post(legs, day, f"undo {txn}")"#,
            issue: #"""
                `undo` can be applied to the same transaction again and again:

                ```python
                txn = book.deposit("checking", 700)
                book.undo(txn)
                book.undo(txn)
                ```

                The docstring says a transaction can be undone once, so I expected the second call to raise \#
                `LedgerError`. Instead it posts another -$7.00 and the balance ends up $7.00 below where it \#
                started. We hit this when a user double-clicked the "undo" button in our app.
                """#,
            hiddenTest: #"""
                import unittest

                from ledger import Ledger, LedgerError


                class UndoOnceTests(unittest.TestCase):
                    def setUp(self):
                        self.book = Ledger()
                        self.book.open("checking")
                        self.book.open("savings")
                        self.book.deposit("checking", 10000)

                    def test_second_undo_is_refused(self):
                        txn = self.book.deposit("checking", 700)
                        self.book.undo(txn)
                        with self.assertRaises(LedgerError):
                            self.book.undo(txn)
                        self.assertEqual(self.book.balance("checking"), 10000)

                    def test_transfer_undone_once(self):
                        txn = self.book.transfer("checking", "savings", 2500)
                        self.book.undo(txn)
                        with self.assertRaises(LedgerError):
                            self.book.undo(txn)
                        self.assertEqual(self.book.balance("checking"), 10000)
                        self.assertEqual(self.book.balance("savings"), 0)

                    def test_an_undo_can_itself_be_undone(self):
                        txn = self.book.deposit("checking", 700)
                        reversal = self.book.undo(txn)
                        self.book.undo(reversal)
                        self.assertEqual(self.book.balance("checking"), 10700)


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 8),
        SWETask(
            id: "ledger-6", project: "ledger", mutation: .arithmetic,
            file: "ledger/money.py",
            original: #"    rounded = (product + 5000) // 10000"#,
            buggy: #"    rounded = (product + 500) // 10000"#,
            issue: #"""
                Interest is rounded down where it should round up. `apply_rate(1050, 150)` (1.5% of $10.50 = 15.75 \#
                cents) returns 15, and `apply_rate(250, 100)` (2.5 cents) returns 2. The docstring says it rounds \#
                half away from zero, so I expected 16 and 3. Because of this `Ledger.apply_interest` credits a cent \#
                less than our bank on many accounts.
                """#,
            hiddenTest: #"""
                import unittest

                from ledger import Ledger
                from ledger.money import apply_rate


                class RoundingTests(unittest.TestCase):
                    def test_rounds_half_up(self):
                        self.assertEqual(apply_rate(1050, 150), 16)
                        self.assertEqual(apply_rate(250, 100), 3)
                        self.assertEqual(apply_rate(1049, 100), 10)

                    def test_negative_rounds_away_from_zero(self):
                        self.assertEqual(apply_rate(-1050, 150), -16)

                    def test_interest_is_credited_rounded(self):
                        book = Ledger()
                        book.open("savings")
                        book.deposit("savings", 1050)
                        self.assertEqual(book.apply_interest("savings", 150), 16)
                        self.assertEqual(book.balance("savings"), 1066)


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 10),
        SWETask(
            id: "ledger-7", project: "ledger", mutation: .returnValue,
            file: "ledger/book.py",
            original: #"""
                        if as_of is None:
                            return account.balance
                """#,
            buggy: #"        return account.balance"#,
            issue: #"""
                `balance()` ignores its `as_of` argument:

                ```python
                book.deposit("checking", 10000, day=date(2024, 3, 1))
                book.withdraw("checking", 2500, day=date(2024, 4, 2))
                book.balance("checking", as_of=date(2024, 3, 31))
                ```

                This returns 7500, today's balance. I expected 10000, the balance at the end of March. Our \#
                month-end reconciliation report depends on it.
                """#,
            hiddenTest: #"""
                import unittest
                from datetime import date

                from ledger import Ledger


                class BalanceAsOfTests(unittest.TestCase):
                    def setUp(self):
                        self.book = Ledger()
                        self.book.open("checking")
                        self.book.deposit("checking", 10000, day=date(2024, 3, 1))
                        self.book.withdraw("checking", 2500, day=date(2024, 4, 2))

                    def test_balance_at_month_end(self):
                        self.assertEqual(self.book.balance("checking", as_of=date(2024, 3, 31)), 10000)

                    def test_the_day_itself_is_included(self):
                        self.assertEqual(self.book.balance("checking", as_of=date(2024, 4, 2)), 7500)

                    def test_before_any_posting(self):
                        self.assertEqual(self.book.balance("checking", as_of=date(2024, 1, 1)), 0)

                    def test_current_balance(self):
                        self.assertEqual(self.book.balance("checking"), 7500)


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 5),
    ]

    // MARK: textkit

    private static let textkit: [SWETask] = [
        SWETask(
            id: "textkit-1", project: "textkit", mutation: .offByOne,
            file: "textkit/layout.py",
            original: #"        elif len(current) + 1 + len(word) <= width:"#,
            buggy: #"        elif len(current) + 1 + len(word) < width:"#,
            issue: #"""
                `wrap()` breaks lines that would fit exactly. `wrap("aaaa bbbbb", 10)` returns `['aaaa', 'bbbbb']`, \#
                though "aaaa bbbbb" is exactly 10 characters long; I expected `['aaaa bbbbb']`. We print receipts \#
                on a 32-column printer and every line that would use the full width gets split in two.
                """#,
            hiddenTest: #"""
                import unittest

                from textkit import fill, wrap


                class ExactFitTests(unittest.TestCase):
                    def test_line_of_exactly_width(self):
                        self.assertEqual(wrap("aaaa bbbbb", 10), ["aaaa bbbbb"])

                    def test_first_line_fills_the_width(self):
                        self.assertEqual(wrap("one two three", 7), ["one two", "three"])

                    def test_lines_never_exceed_width(self):
                        text = "pack my box with five dozen liquor jugs"
                        for width in range(6, 20):
                            with self.subTest(width=width):
                                lines = wrap(text, width)
                                self.assertTrue(all(len(line) <= width for line in lines))
                                self.assertEqual(" ".join(lines), text)

                    def test_fill(self):
                        self.assertEqual(fill("aa bb cc", 5), "aa bb\ncc")


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 8),
        SWETask(
            id: "textkit-2", project: "textkit", mutation: .booleanLogic,
            file: "textkit/words.py",
            original: #"        if sep in cut and slug[max_length] != sep:"#,
            buggy: #"        if sep in cut or slug[max_length] != sep:"#,
            issue: #"""
                `slugify` with `max_length` misbehaves in two ways. `slugify("Hello world again", max_length=11)` \#
                returns `'hello'`, although `'hello-world'` is exactly 11 characters and ends at a word boundary. \#
                And `slugify("Supercalifragilistic", max_length=5)` crashes with `ValueError: substring not found`; \#
                I expected `'super'`.
                """#,
            hiddenTest: #"""
                import unittest

                from textkit import slugify, unique_slug


                class MaxLengthTests(unittest.TestCase):
                    def test_cut_exactly_at_a_boundary(self):
                        self.assertEqual(slugify("Hello world again", max_length=11), "hello-world")

                    def test_single_long_word(self):
                        self.assertEqual(slugify("Supercalifragilistic", max_length=5), "super")

                    def test_cut_inside_a_word(self):
                        self.assertEqual(slugify("Hello world again", max_length=14), "hello-world")

                    def test_unique_slug_with_max_length(self):
                        self.assertEqual(unique_slug("Annual report", set(), max_length=6), "annual")


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 12),
        SWETask(
            id: "textkit-3", project: "textkit", mutation: .missingGuard,
            file: "textkit/layout.py",
            original: #"""
                    if limit <= len(ellipsis):
                        return ellipsis[:limit]
                    return text
                """#,
            buggy: #"    return text"#,
            issue: #"""
                `truncate()` returns text longer than the limit when the limit is tiny. `truncate("hello world", \#
                0)` returns `'hello worl…'` instead of an empty string, and `truncate("hello world", 2, \#
                ellipsis="...")` returns `'hello worl...'`. We pass a computed column width, which can be 0 or 1 on \#
                narrow terminals, and the whole table layout breaks.
                """#,
            hiddenTest: #"""
                import unittest

                from textkit import truncate


                class TinyLimitTests(unittest.TestCase):
                    def test_zero(self):
                        self.assertEqual(truncate("hello world", 0), "")

                    def test_limit_shorter_than_ellipsis(self):
                        self.assertEqual(truncate("hello world", 2, ellipsis="..."), "..")
                        self.assertEqual(truncate("hello world", 3, ellipsis="..."), "...")

                    def test_never_longer_than_limit(self):
                        for limit in range(0, 12):
                            with self.subTest(limit=limit):
                                self.assertLessEqual(len(truncate("hello world", limit, ellipsis="...")), limit)


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 8),
        SWETask(
            id: "textkit-4", project: "textkit", mutation: .arithmetic,
            file: "textkit/layout.py",
            original: #"    return text[: limit - len(ellipsis)].rstrip() + ellipsis"#,
            buggy: #"    return text[: limit - 1].rstrip() + ellipsis"#,
            issue: #"""
                `truncate()` with a custom ellipsis goes over the limit. `truncate("hello world", 8, \#
                ellipsis="...")` returns `'hello w...'`, which is 10 characters while the limit is 8; I expected \#
                `'hello...'`. With the default "…" the results are fine.
                """#,
            hiddenTest: #"""
                import unittest

                from textkit import truncate


                class CustomEllipsisTests(unittest.TestCase):
                    def test_three_dots(self):
                        self.assertEqual(truncate("hello world", 8, ellipsis="..."), "hello...")

                    def test_longer_marker(self):
                        self.assertEqual(truncate("hello world", 9, ellipsis="(...)"), "hell(...)")

                    def test_never_longer_than_limit(self):
                        for limit in range(0, 12):
                            with self.subTest(limit=limit):
                                self.assertLessEqual(len(truncate("hello world", limit, ellipsis="...")), limit)

                    def test_default_ellipsis(self):
                        self.assertEqual(truncate("hello world", 7), "hello…")


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 6),
        SWETask(
            id: "textkit-5", project: "textkit", mutation: .stateUpdate,
            file: "textkit/words.py",
            original: #"""
                    taken.add(candidate)
                    return candidate
                """#,
            buggy: #"    return candidate"#,
            issue: #"""
                `unique_slug()` hands out the same slug twice:

                ```python
                taken = set()
                unique_slug("Release notes", taken)   # 'release-notes'
                unique_slug("Release notes", taken)   # 'release-notes' again
                ```

                `taken` is still empty afterwards. The docstring says the set gets the new slug, so I expected \#
                `'release-notes-2'` from the second call. We ended up with two blog posts at the same URL.
                """#,
            hiddenTest: #"""
                import unittest

                from textkit import unique_slug


                class RepeatedCallsTests(unittest.TestCase):
                    def test_successive_calls(self):
                        taken = set()
                        self.assertEqual(unique_slug("Release notes", taken), "release-notes")
                        self.assertEqual(unique_slug("Release notes", taken), "release-notes-2")
                        self.assertEqual(unique_slug("Release Notes!", taken), "release-notes-3")
                        self.assertEqual(taken, {"release-notes", "release-notes-2", "release-notes-3"})

                    def test_untitled_is_recorded(self):
                        taken = set()
                        unique_slug("???", taken)
                        self.assertEqual(unique_slug("!!!", taken), "untitled-2")


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 5),
        SWETask(
            id: "textkit-6", project: "textkit", mutation: .wrongVariable,
            file: "textkit/words.py",
            original: #"        (item for item in counts.items() if item[0] not in stop),"#,
            buggy: #"        (item for item in counts.items() if item[0] not in stopwords),"#,
            issue: #"""
                `top_words()` ignores stopwords written with capitals. `top_words(text, 3, stopwords=["The", \#
                "And"])` still puts `('the', 4)` and `('and', 2)` at the top of the list. The docstring says \#
                stopwords are left out whatever their case. Lowercase stopwords work.
                """#,
            hiddenTest: #"""
                import unittest

                from textkit import top_words

                TEXT = "The cat and the dog. And the bird. The end."


                class StopwordCaseTests(unittest.TestCase):
                    def test_capitalized_stopwords(self):
                        self.assertEqual(
                            top_words(TEXT, 3, stopwords=["The", "And"]),
                            [("bird", 1), ("cat", 1), ("dog", 1)],
                        )

                    def test_uppercase_set(self):
                        result = top_words(TEXT, 10, stopwords={"THE"})
                        self.assertNotIn("the", [word for word, _ in result])
                        self.assertEqual(result[0], ("and", 2))

                    def test_lowercase_still_works(self):
                        self.assertEqual(top_words(TEXT, 1, stopwords=["the"]), [("and", 2)])


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 8),
        SWETask(
            id: "textkit-7", project: "textkit", mutation: .argumentOrder,
            file: "textkit/layout.py",
            original: #"    return "\n".join(_with_prefixes(lines, first_indent, indent))"#,
            buggy: #"    return "\n".join(_with_prefixes(lines, indent, first_indent))"#,
            issue: #"""
                `fill()` swaps its two indents.

                ```python
                print(fill("Install the package and run the tests.", 20, "- ", "  "))
                ```

                prints the first line indented with two spaces and the following lines starting with "- ". I \#
                expected a bullet on the first line and a hanging indent on the others, as the docstring describes.
                """#,
            hiddenTest: #"""
                import unittest

                from textkit import fill


                class HangingIndentTests(unittest.TestCase):
                    def test_bullet_item(self):
                        self.assertEqual(
                            fill("Install the package and run the tests.", 20, "- ", "  "),
                            "- Install the\n  package and run\n  the tests.",
                        )

                    def test_first_indent_only(self):
                        self.assertEqual(fill("a b c", 3, "> "), "> a\nb\nc")

                    def test_indent_only(self):
                        self.assertEqual(fill("a b c", 3, indent="  "), "a\n  b\n  c")


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 6),
        SWETask(
            id: "textkit-8", project: "textkit", mutation: .offByOne,
            file: "textkit/words.py",
            original: #"        if 0 < i < len(parts) - 1 and lower in SMALL_WORDS:"#,
            buggy: #"        if 0 < i < len(parts) and lower in SMALL_WORDS:"#,
            issue: #"""
                `title_case()` leaves a small word at the end of a title in lowercase. `title_case("a tale to live \#
                by")` returns `'A Tale to Live by'`, and `title_case("something to look up")` gives `'Something to \#
                Look up'`. The docstring says small words are capitalized when they come first or last, so I \#
                expected "By" and "Up".
                """#,
            hiddenTest: #"""
                import unittest

                from textkit import title_case


                class LastWordTests(unittest.TestCase):
                    def test_small_last_word(self):
                        self.assertEqual(title_case("a tale to live by"), "A Tale to Live By")
                        self.assertEqual(title_case("something to look up"), "Something to Look Up")

                    def test_small_first_word(self):
                        self.assertEqual(title_case("of mice and men"), "Of Mice and Men")

                    def test_single_small_word(self):
                        self.assertEqual(title_case("the"), "The")


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 7),
    ]

    // MARK: semver

    private static let semver: [SWETask] = [
        SWETask(
            id: "semver-1", project: "semver", mutation: .comparison,
            file: "semver/ranges.py",
            original: #"    elif version.minor > 0:"#,
            buggy: #"    elif version.minor >= 0:"#,
            issue: #"""
                Caret ranges on 0.0.x versions are too wide. `satisfies("0.0.4", "^0.0.3")` returns True, and \#
                `max_satisfying(["0.0.3", "0.0.4", "0.0.9"], "^0.0.3")` picks 0.0.9. With npm's caret rule, ^0.0.3 \#
                means >=0.0.3 <0.0.4, so only 0.0.3 should match: for 0.0.x packages every release may break the API.
                """#,
            hiddenTest: #"""
                import unittest

                from semver import Range, Version, max_satisfying, satisfies


                class CaretZeroTests(unittest.TestCase):
                    def test_caret_on_0_0_x(self):
                        self.assertTrue(satisfies("0.0.3", "^0.0.3"))
                        self.assertFalse(satisfies("0.0.4", "^0.0.3"))
                        self.assertFalse(satisfies("0.1.0", "^0.0.3"))

                    def test_max_satisfying(self):
                        self.assertEqual(max_satisfying(["0.0.3", "0.0.4", "0.0.9"], "^0.0.3"), Version(0, 0, 3))

                    def test_other_carets_unchanged(self):
                        self.assertIn("0.2.9", Range("^0.2.3"))
                        self.assertNotIn("0.3.0", Range("^0.2.3"))
                        self.assertIn("1.9.0", Range("^1.0.0"))


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 12),
        SWETask(
            id: "semver-2", project: "semver", mutation: .booleanLogic,
            file: "semver/ranges.py",
            original: #"            return any(bound.prerelease and bound.release == version.release for _, bound in comparators)"#,
            buggy: #"            return any(bound.prerelease or bound.release == version.release for _, bound in comparators)"#,
            issue: #"""
                A caret range matches a prerelease of the next major version. `satisfies("2.0.0-rc.1", "^1.2.0")` \#
                is True, so `max_satisfying(published, "^1.2.0")` gave us 2.0.0-rc.1 and we installed a release \#
                candidate of a breaking version. The module docs say a prerelease only satisfies a set with a \#
                prerelease comparator on the same major.minor.patch. I expected 1.x releases only.
                """#,
            hiddenTest: #"""
                import unittest

                from semver import Range, Version, max_satisfying


                class PrereleaseMatchingTests(unittest.TestCase):
                    def test_next_major_prerelease_is_excluded(self):
                        self.assertNotIn("2.0.0-rc.1", Range("^1.2.0"))
                        self.assertNotIn("1.2.3-alpha", Range(">=1.0.0 <1.2.3"))

                    def test_prerelease_comparator_on_same_release(self):
                        r = Range(">=2.0.0-beta.1")
                        self.assertIn("2.0.0-beta.2", r)
                        self.assertIn("2.0.1", r)
                        self.assertNotIn("2.0.1-beta", r)

                    def test_max_satisfying_skips_prereleases(self):
                        published = ["1.2.0", "1.4.1", "2.0.0-rc.1"]
                        self.assertEqual(max_satisfying(published, "^1.2.0"), Version(1, 4, 1))


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 15),
        SWETask(
            id: "semver-3", project: "semver", mutation: .wrongVariable,
            file: "semver/version.py",
            original: #"            text += "+" + ".".join(self.build)"#,
            buggy: #"            text += "+" + ".".join(self.prerelease)"#,
            issue: #"""
                `str()` of a version with build metadata is wrong. `str(Version.parse("1.0.0-rc.1+build.5"))` gives \#
                `'1.0.0-rc.1+rc.1'`, and `str(Version.parse("1.4.2+sha.9f2c"))` gives `'1.4.2+'`. The `.build` \#
                attribute holds the right identifiers. I expected the text to round-trip.
                """#,
            hiddenTest: #"""
                import unittest

                from semver import Version


                class BuildMetadataTests(unittest.TestCase):
                    def test_round_trip(self):
                        for text in ["1.0.0-rc.1+build.5", "1.4.2+sha.9f2c", "0.1.0+20240301"]:
                            with self.subTest(text=text):
                                self.assertEqual(str(Version.parse(text)), text)

                    def test_constructed(self):
                        self.assertEqual(str(Version(1, 2, 3, ["beta"], ["exp", "sha", "5114f85"])), "1.2.3-beta+exp.sha.5114f85")


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 5),
        SWETask(
            id: "semver-4", project: "semver", mutation: .missingGuard,
            file: "semver/version.py",
            original: #"""
                        if part == "patch":
                            if self.prerelease:
                                return Version(self.major, self.minor, self.patch)
                            return Version(self.major, self.minor, self.patch + 1)
                """#,
            buggy: #"""
                        if part == "patch":
                            return Version(self.major, self.minor, self.patch + 1)
                """#,
            issue: #"""
                Bumping the patch of a release candidate skips the release. \#
                `Version.parse("2.0.0-rc.1").bump("patch")` returns 2.0.1, while the docstring says it gives the \#
                release of that prerelease, 2.0.0. Our release script calls `bump("patch")` to go from the last RC \#
                to the final version, and it just published 2.0.1 with no 2.0.0.
                """#,
            hiddenTest: #"""
                import unittest

                from semver import Version


                class PatchOfPrereleaseTests(unittest.TestCase):
                    def test_prerelease_goes_to_its_release(self):
                        self.assertEqual(str(Version.parse("2.0.0-rc.1").bump("patch")), "2.0.0")
                        self.assertEqual(str(Version.parse("1.2.3-beta+build.9").bump("patch")), "1.2.3")

                    def test_release_still_increments(self):
                        self.assertEqual(str(Version.parse("1.2.3").bump("patch")), "1.2.4")


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 7),
        SWETask(
            id: "semver-5", project: "semver", mutation: .stateUpdate,
            file: "semver/version.py",
            original: #"        identifiers = list(self.prerelease)"#,
            buggy: #"        identifiers = self.prerelease"#,
            issue: #"""
                `bump("prerelease")` changes the version it is called on:

                ```python
                current = Version.parse("1.2.4-rc.1")
                nxt = current.bump("prerelease")
                print(current, nxt)   # 1.2.4-rc.2 1.2.4-rc.2
                ```

                I expected `current` to stay 1.2.4-rc.1; the other bumps leave the original alone. We keep \#
                published versions in a set, and after a bump, lookups of the old version stopped working.
                """#,
            hiddenTest: #"""
                import unittest

                from semver import Version


                class BumpLeavesOriginalTests(unittest.TestCase):
                    def test_numeric_identifier(self):
                        current = Version.parse("1.2.4-rc.1")
                        nxt = current.bump("prerelease")
                        self.assertEqual(str(current), "1.2.4-rc.1")
                        self.assertEqual(str(nxt), "1.2.4-rc.2")
                        self.assertLess(current, nxt)

                    def test_alphanumeric_identifier(self):
                        current = Version.parse("1.2.4-rc")
                        current.bump("prerelease")
                        self.assertEqual(str(current), "1.2.4-rc")

                    def test_set_lookup_after_bump(self):
                        current = Version.parse("3.0.0-beta.7")
                        published = {current}
                        current.bump("prerelease")
                        self.assertIn(Version.parse("3.0.0-beta.7"), published)


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 12),
        SWETask(
            id: "semver-6", project: "semver", mutation: .returnValue,
            file: "semver/ranges.py",
            original: #"    return max(matching) if matching else None"#,
            buggy: #"    return matching[-1] if matching else None"#,
            issue: #"""
                `max_satisfying` doesn't return the highest version when the list isn't sorted. \#
                `max_satisfying(["1.5.3", "1.10.0", "1.2.0"], "^1.0.0")` returns `Version('1.2.0')`; I expected \#
                1.10.0. The list comes straight from our registry's API, which returns versions in publish order \#
                (backports included).
                """#,
            hiddenTest: #"""
                import unittest

                from semver import Version, max_satisfying


                class UnsortedInputTests(unittest.TestCase):
                    def test_unsorted_strings(self):
                        self.assertEqual(max_satisfying(["1.5.3", "1.10.0", "1.2.0"], "^1.0.0"), Version(1, 10, 0))

                    def test_backport_published_last(self):
                        published = [Version(2, 1, 0), Version(2, 3, 0), Version(2, 0, 5)]
                        self.assertEqual(max_satisfying(published, "2.x"), Version(2, 3, 0))

                    def test_nothing_matches(self):
                        self.assertIsNone(max_satisfying(["1.0.0"], "^2.0.0"))


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 6),
        SWETask(
            id: "semver-7", project: "semver", mutation: .arithmetic,
            file: "semver/version.py",
            original: #"""
                        return (0, int(identifier), "")
                    return (1, 0, identifier)
                """#,
            buggy: #"""
                        return (1, int(identifier), "")
                    return (0, 0, identifier)
                """#,
            issue: #"""
                Prerelease ordering disagrees with the semver spec when a numeric identifier meets an alphanumeric \#
                one. `Version.parse("1.0.0-alpha.1") < Version.parse("1.0.0-alpha.beta")` is False, but the \#
                precedence example on semver.org has 1.0.0-alpha.1 < 1.0.0-alpha.beta. Likewise \#
                `Version.parse("1.0.0-2") < Version.parse("1.0.0-a")` is False; I expected True for both.
                """#,
            hiddenTest: #"""
                import unittest

                from semver import Version


                class SpecPrecedenceTests(unittest.TestCase):
                    def test_semver_org_example(self):
                        chain = [
                            "1.0.0-alpha",
                            "1.0.0-alpha.1",
                            "1.0.0-alpha.beta",
                            "1.0.0-beta",
                            "1.0.0-beta.2",
                            "1.0.0-beta.11",
                            "1.0.0-rc.1",
                            "1.0.0",
                        ]
                        versions = [Version.parse(text) for text in chain]
                        self.assertEqual(sorted(reversed(versions)), versions)

                    def test_numeric_before_alphanumeric(self):
                        self.assertLess(Version.parse("1.0.0-2"), Version.parse("1.0.0-a"))
                        self.assertLess(Version.parse("1.0.0-rc.9"), Version.parse("1.0.0-rc.final"))


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 15),
    ]

    // MARK: calc

    private static let calc: [SWETask] = [
        SWETask(
            id: "calc-1", project: "calc", mutation: .offByOne,
            file: "calc/lexer.py",
            original: #"        elif ch.isdigit() or (ch == "." and i + 1 < len(text) and text[i + 1].isdigit()):"#,
            buggy: #"        elif ch.isdigit() or (ch == "." and i + 1 <= len(text) and text[i + 1].isdigit()):"#,
            issue: #"""
                An expression that ends in a decimal point crashes with an IndexError instead of a CalcError. \#
                `evaluate("3 + .")` raises `IndexError: string index out of range`. Our REPL only catches \#
                CalcError, so a typo ends the whole session. I expected the same CalcError as for other malformed \#
                input.
                """#,
            hiddenTest: #"""
                import unittest

                from calc import CalcError, evaluate


                class TrailingPointTests(unittest.TestCase):
                    def test_trailing_point_is_a_calc_error(self):
                        for text in ["3 + .", ".", "2 * ."]:
                            with self.subTest(text=text):
                                with self.assertRaises(CalcError):
                                    evaluate(text)

                    def test_numbers_with_points(self):
                        self.assertEqual(evaluate("12."), 12.0)
                        self.assertEqual(evaluate(".5"), 0.5)


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 10),
        SWETask(
            id: "calc-2", project: "calc", mutation: .booleanLogic,
            file: "calc/parser.py",
            original: #"        if token.kind == "op" and token.text in ("+", "-"):"#,
            buggy: #"        if token.kind == "op" or token.text in ("+", "-"):"#,
            issue: #"""
                Some malformed expressions are accepted silently. `evaluate("4 * / 2")` returns 8 and `evaluate("* \#
                3")` returns 3, where I expected a CalcError about the unexpected operator. A user mistyped a \#
                formula in our spreadsheet and got a wrong number instead of an error message.
                """#,
            hiddenTest: #"""
                import unittest

                from calc import CalcError, evaluate


                class MisplacedOperatorTests(unittest.TestCase):
                    def test_operator_where_a_value_should_be(self):
                        for text in ["4 * / 2", "* 3", "2 + ^ 3", "1 - % 2"]:
                            with self.subTest(text=text):
                                with self.assertRaises(CalcError):
                                    evaluate(text)

                    def test_signs_still_work(self):
                        self.assertEqual(evaluate("--3"), 3)
                        self.assertEqual(evaluate("2 * -3"), -6)
                        self.assertEqual(evaluate("2 ^ +2"), 4)


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 15),
        SWETask(
            id: "calc-3", project: "calc", mutation: .arithmetic,
            file: "calc/lexer.py",
            original: #"""
                            tokens.append(Token("op", "^", i))
                            i += 2
                """#,
            buggy: #"""
                            tokens.append(Token("op", "^", i))
                            i += 1
                """#,
            issue: #"""
                `**` doesn't work as the power operator, although the README says it's an alias of `^`. \#
                `evaluate("2 ** 3")` raises `CalcError: unexpected '*' at position 3`. `evaluate("2 ^ 3")` gives 8 \#
                as expected.
                """#,
            hiddenTest: #"""
                import unittest

                from calc import evaluate, tokenize


                class DoubleStarTests(unittest.TestCase):
                    def test_power(self):
                        self.assertEqual(evaluate("2 ** 3"), 8)
                        self.assertEqual(evaluate("2**3**2"), 512)

                    def test_tokens(self):
                        self.assertEqual([(t.kind, t.text, t.pos) for t in tokenize("2**3")][:3], [
                            ("number", "2", 0),
                            ("op", "^", 1),
                            ("number", "3", 3),
                        ])


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 8),
        SWETask(
            id: "calc-4", project: "calc", mutation: .argumentOrder,
            file: "calc/parser.py",
            original: #"    return math.log(x, base)"#,
            buggy: #"    return math.log(base, x)"#,
            issue: #"""
                `log` gives wrong answers. `evaluate("log(8, 2)")` returns 0.333… and `evaluate("log(100, 10)")` \#
                returns 0.5; I expected 3 and 2. `evaluate("log(1)")` even raises `CalcError: log(): float division \#
                by zero at position 0`, where I expected 0.
                """#,
            hiddenTest: #"""
                import unittest

                from calc import evaluate


                class LogTests(unittest.TestCase):
                    def test_with_base(self):
                        self.assertAlmostEqual(evaluate("log(8, 2)"), 3.0)
                        self.assertAlmostEqual(evaluate("log(100, 10)"), 2.0)

                    def test_natural(self):
                        self.assertEqual(evaluate("log(1)"), 0.0)
                        self.assertAlmostEqual(evaluate("log(e ^ 3)"), 3.0)


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 6),
        SWETask(
            id: "calc-5", project: "calc", mutation: .missingGuard,
            file: "calc/parser.py",
            original: #"""
                    if len(args) < fewest:
                        raise CalcError(f"{name}() needs at least {fewest} argument(s), got {len(args)}", pos)
                    if most is not None
                """#,
            buggy: #"    if most is not None"#,
            issue: #"""
                Calling a function with no arguments crashes with a TypeError instead of a CalcError. \#
                `evaluate("sqrt()")` raises `TypeError: math.sqrt() takes exactly one argument (0 given)`, and \#
                `evaluate("abs()")` fails the same way. Our web form only handles CalcError, so the user gets a 500 \#
                page.
                """#,
            hiddenTest: #"""
                import unittest

                from calc import CalcError, evaluate


                class MissingArgumentTests(unittest.TestCase):
                    def test_no_arguments(self):
                        for text in ["sqrt()", "abs()", "max()", "log()", "round()"]:
                            with self.subTest(text=text):
                                with self.assertRaises(CalcError):
                                    evaluate(text)

                    def test_error_position(self):
                        with self.assertRaises(CalcError) as ctx:
                            evaluate("1 + sqrt()")
                        self.assertEqual(ctx.exception.pos, 4)


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 8),
        SWETask(
            id: "calc-6", project: "calc", mutation: .returnValue,
            file: "calc/parser.py",
            original: #"            return ("number", float(token.text) if "." in token.text else int(token.text))"#,
            buggy: #"            return ("number", float(token.text))"#,
            issue: #"""
                Integer results come back as floats. `evaluate("6 * 7")` returns `42.0`, not `42` as the README \#
                promises, and big results lose precision: `evaluate("3 ^ 40")` returns `1.2157665459056929e+19` \#
                instead of `12157665459056928801`. `evaluate("round(2.567, 2)")` fails with `TypeError: 'float' \#
                object cannot be interpreted as an integer`.
                """#,
            hiddenTest: #"""
                import unittest

                from calc import Calculator, evaluate


                class IntegerResultTests(unittest.TestCase):
                    def test_integers_stay_integers(self):
                        result = evaluate("6 * 7")
                        self.assertIsInstance(result, int)
                        self.assertEqual(str(result), "42")

                    def test_big_integer_power(self):
                        self.assertEqual(evaluate("3 ^ 40"), 12157665459056928801)

                    def test_round_digits(self):
                        self.assertEqual(evaluate("round(2.567, 2)"), 2.57)

                    def test_calculator(self):
                        calc = Calculator()
                        calc.run("n = 10")
                        self.assertIsInstance(calc.run("n % 3"), int)


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 10),
        SWETask(
            id: "calc-7", project: "calc", mutation: .wrongVariable,
            file: "calc/parser.py",
            original: #"            raise CalcError(f"expected {kind!r}, found {found}", token.pos)"#,
            buggy: #"            raise CalcError(f"expected {kind!r}, found {found}", self.index)"#,
            issue: #"""
                The position reported for a missing closing parenthesis is wrong. For `evaluate("(1 + 2")` the \#
                error reads `expected ')', found end of input at position 4`, but the input is 6 characters long, \#
                so the end is at position 6. For `max(1 2)` it says position 3 instead of 6, where the stray `2` \#
                is. We use `error.pos` to underline the mistake in our editor, and it points at the wrong place.
                """#,
            hiddenTest: #"""
                import unittest

                from calc import CalcError, evaluate


                class ErrorPositionTests(unittest.TestCase):
                    def position(self, text):
                        with self.assertRaises(CalcError) as ctx:
                            evaluate(text)
                        return ctx.exception.pos

                    def test_missing_parenthesis(self):
                        self.assertEqual(self.position("(1 + 2"), 6)

                    def test_missing_comma(self):
                        self.assertEqual(self.position("max(1 2)"), 6)

                    def test_other_errors(self):
                        self.assertEqual(self.position("1 + )"), 4)


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 10),
    ]

    // MARK: cachebox

    private static let cachebox: [SWETask] = [
        SWETask(
            id: "cachebox-1", project: "cachebox", mutation: .comparison,
            file: "cachebox/cache.py",
            original: #"        return expires_at is not None and self._clock() >= expires_at"#,
            buggy: #"        return expires_at is not None and self._clock() > expires_at"#,
            issue: #"""
                Entries outlive their ttl. With `cache = LRUCache(10, ttl=5, clock=clock)`, an entry stored at t=0 \#
                is still returned by `cache.get` at t=5 exactly. The docstring says an entry expires ttl seconds \#
                after it was stored, so at t=5 I expected a miss. We cache short-lived access tokens this way and \#
                must never hand one out at the end of its lifetime.
                """#,
            hiddenTest: #"""
                import unittest

                from cachebox import LRUCache, memoize

                class FakeClock:
                    def __init__(self):
                        self.now = 0.0

                    def __call__(self):
                        return self.now


                class ExpiryBoundaryTests(unittest.TestCase):
                    def test_expired_at_exactly_ttl(self):
                        clock = FakeClock()
                        cache = LRUCache(10, ttl=5, clock=clock)
                        cache.put("a", 1)
                        clock.now = 4.5
                        self.assertEqual(cache.get("a"), 1)
                        clock.now = 5
                        self.assertIsNone(cache.get("a"))
                        self.assertNotIn("a", cache)

                    def test_per_entry_ttl_boundary(self):
                        clock = FakeClock()
                        cache = LRUCache(10, clock=clock)
                        cache.put("a", 1, ttl=2)
                        clock.now = 2
                        self.assertEqual(len(cache), 0)

                    def test_memoize_recomputes_at_ttl(self):
                        clock = FakeClock()
                        calls = []

                        @memoize(ttl=10, clock=clock)
                        def fetch(x):
                            calls.append(x)
                            return x

                        fetch(1)
                        clock.now = 10
                        fetch(1)
                        self.assertEqual(len(calls), 2)


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 10),
        SWETask(
            id: "cachebox-2", project: "cachebox", mutation: .stateUpdate,
            file: "cachebox/cache.py",
            original: #"""
                        self._entries[key] = (value, expires_at)
                        self._entries.move_to_end(key)
                """#,
            buggy: #"        self._entries[key] = (value, expires_at)"#,
            issue: #"""
                Updating a key doesn't count as using it, so freshly written entries get evicted:

                ```python
                cache = LRUCache(2)
                cache.put("a", 1)
                cache.put("b", 2)
                cache.put("a", 10)   # update a
                cache.put("c", 3)
                ```

                Now "a" is gone and "b" is still there. `put` is documented to store the value as the most recently \#
                used entry, so I expected "b" to be evicted.
                """#,
            hiddenTest: #"""
                import unittest

                from cachebox import LRUCache


                class UpdateRecencyTests(unittest.TestCase):
                    def test_updated_key_survives_eviction(self):
                        cache = LRUCache(2)
                        cache.put("a", 1)
                        cache.put("b", 2)
                        cache.put("a", 10)
                        cache.put("c", 3)
                        self.assertEqual(cache.get("a"), 10)
                        self.assertNotIn("b", cache)

                    def test_update_moves_key_to_the_end(self):
                        cache = LRUCache(3)
                        for key in "xyz":
                            cache.put(key, key)
                        cache.put("x", "X")
                        self.assertEqual(cache.keys(), ["y", "z", "x"])


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 12),
        SWETask(
            id: "cachebox-3", project: "cachebox", mutation: .booleanLogic,
            file: "cachebox/memo.py",
            original: #"                if result is not None or cache_none:"#,
            buggy: #"                if result is not None and cache_none:"#,
            issue: #"""
                `@memoize()` doesn't cache functions that return None, although `cache_none` defaults to True. Our \#
                `find_user(id)` returns None for unknown ids and hits the database on every call: with a counter \#
                inside the function, calling it three times with the same argument runs it three times. Functions \#
                that return other values are cached fine.
                """#,
            hiddenTest: #"""
                import unittest

                from cachebox import memoize


                class CacheNoneTests(unittest.TestCase):
                    def test_none_is_cached_by_default(self):
                        calls = []

                        @memoize()
                        def find_user(user_id):
                            calls.append(user_id)
                            return None

                        for _ in range(3):
                            self.assertIsNone(find_user(7))
                        self.assertEqual(calls, [7])

                    def test_values_cached_when_cache_none_is_false(self):
                        calls = []

                        @memoize(cache_none=False)
                        def double(x):
                            calls.append(x)
                            return 2 * x

                        double(2)
                        double(2)
                        self.assertEqual(calls, [2])

                    def test_none_not_cached_when_asked(self):
                        calls = []

                        @memoize(cache_none=False)
                        def nothing(x):
                            calls.append(x)

                        nothing(1)
                        nothing(1)
                        self.assertEqual(calls, [1, 1])


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 10),
        SWETask(
            id: "cachebox-4", project: "cachebox", mutation: .wrongVariable,
            file: "cachebox/cache.py",
            original: #"        expires_at = None if ttl is None else self._clock() + ttl"#,
            buggy: #"        expires_at = None if ttl is None else self._clock() + self.ttl"#,
            issue: #"""
                The per-entry `ttl` of `put` doesn't work. With `cache = LRUCache(100)` (no default ttl), \#
                `cache.put("token", "abc", ttl=5)` raises `TypeError: unsupported operand type(s) for +: 'float' \#
                and 'NoneType'`. With `LRUCache(100, ttl=60)`, an entry put with `ttl=5` is still there 10 seconds \#
                later. I expected the entry to expire after its own 5 seconds in both cases.
                """#,
            hiddenTest: #"""
                import unittest

                from cachebox import LRUCache

                class FakeClock:
                    def __init__(self):
                        self.now = 0.0

                    def __call__(self):
                        return self.now


                class PerEntryTtlTests(unittest.TestCase):
                    def test_without_default_ttl(self):
                        clock = FakeClock()
                        cache = LRUCache(100, clock=clock)
                        cache.put("token", "abc", ttl=5)
                        cache.put("config", "x")
                        clock.now = 4
                        self.assertEqual(cache.get("token"), "abc")
                        clock.now = 6
                        self.assertIsNone(cache.get("token"))
                        self.assertEqual(cache.get("config"), "x")

                    def test_overrides_default_ttl(self):
                        clock = FakeClock()
                        cache = LRUCache(100, ttl=60, clock=clock)
                        cache.put("token", "abc", ttl=5)
                        cache.put("page", "html")
                        clock.now = 10
                        self.assertNotIn("token", cache)
                        self.assertIn("page", cache)


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 8),
        SWETask(
            id: "cachebox-5", project: "cachebox", mutation: .missingGuard,
            file: "cachebox/cache.py",
            original: #"""
                            if default is _MISSING:
                                raise KeyError(key)
                            return default
                """#,
            buggy: #"            return default"#,
            issue: #"""
                `pop` on a missing key doesn't raise. `LRUCache(10).pop("nope")` returns `<object object at \#
                0x7f3a2c1e4f60>` instead of raising KeyError, which is what the docstring says and what `dict.pop` \#
                does. Our code relied on `try: cache.pop(key) except KeyError: ...` and ended up passing that \#
                object around.
                """#,
            hiddenTest: #"""
                import unittest

                from cachebox import LRUCache

                class FakeClock:
                    def __init__(self):
                        self.now = 0.0

                    def __call__(self):
                        return self.now


                class PopMissingTests(unittest.TestCase):
                    def test_missing_key_raises(self):
                        with self.assertRaises(KeyError):
                            LRUCache(10).pop("nope")

                    def test_expired_key_raises(self):
                        clock = FakeClock()
                        cache = LRUCache(10, ttl=1, clock=clock)
                        cache.put("a", 1)
                        clock.now = 2
                        with self.assertRaises(KeyError):
                            cache.pop("a")

                    def test_default_and_none_default(self):
                        cache = LRUCache(10)
                        self.assertEqual(cache.pop("nope", 0), 0)
                        self.assertIsNone(cache.pop("nope", None))
                        cache.put("a", 1)
                        self.assertEqual(cache.pop("a"), 1)


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 6),
        SWETask(
            id: "cachebox-6", project: "cachebox", mutation: .returnValue,
            file: "cachebox/cache.py",
            original: #"        return self._live(key) is not _MISSING"#,
            buggy: #"        return key in self._entries"#,
            issue: #"""
                `in` says expired entries are still in the cache. With a fake clock: `cache = LRUCache(10, ttl=5, \#
                clock=clock)`, `cache.put("a", 1)`, then at t=6 `"a" in cache` is True, while `cache.get("a")` \#
                returns None. I expected `"a" in cache` to be False once the entry has expired.
                """#,
            hiddenTest: #"""
                import unittest

                from cachebox import LRUCache

                class FakeClock:
                    def __init__(self):
                        self.now = 0.0

                    def __call__(self):
                        return self.now


                class ContainsExpiredTests(unittest.TestCase):
                    def test_expired_entry_is_not_contained(self):
                        clock = FakeClock()
                        cache = LRUCache(10, ttl=5, clock=clock)
                        cache.put("a", 1)
                        self.assertIn("a", cache)
                        clock.now = 6
                        self.assertNotIn("a", cache)
                        self.assertEqual(cache.misses, 0)

                    def test_per_entry_ttl(self):
                        clock = FakeClock()
                        cache = LRUCache(10, clock=clock)
                        cache.put("a", 1, ttl=1)
                        cache.put("b", 2)
                        clock.now = 3
                        self.assertEqual(["a" in cache, "b" in cache], [False, True])


                if __name__ == "__main__":
                    unittest.main()

                """#,
            humanMinutes: 7),
    ]
}
