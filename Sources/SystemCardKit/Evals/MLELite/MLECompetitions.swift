// The `mle-lite` competitions. Every data set is generated from a fixed seed (numpy and Python `random`), so the
// files, the hidden answers and the medal lines below are reproducible; the figures in each comment were measured in
// the sandbox (Debian python3 3.11, numpy 1.24, scikit-learn 1.2) with the scripts in the competition.

extension MLECompetition {
    /// Every `mle-lite` competition: four tabular (AUC, RMSE, macro-F1, log loss) and four text (accuracy, macro-F1,
    /// log loss, MAE), each with a naive baseline and a reference solution whose scores set the medal lines.
    static let all: [MLECompetition] = [
        churnTabular, deliveryTimeTabular, cropTypeTabular, loanDefaultTabular,
        reviewSentimentText, ticketTopicText, spamText, jobSalaryText,
    ]

    /// Telecom churn (tabular; ROC AUC, higher is better). Measured in the sandbox: baseline (constant training churn
    /// rate) 0.5000; logistic regression on one-hot and mean-imputed columns 0.7439 (silver); reference
    /// (HistGradientBoosting on the raw columns, categoricals and missing values native) 0.8347 (1.3 CPU-s, 4.1 s
    /// wall). Lines at 40%, 65% and 85% of the way from baseline to reference, rounded to 4 decimals: bronze 0.6339,
    /// silver 0.7175, gold 0.7845; gold needs the thresholds and interactions a linear model misses (short
    /// month-to-month tenure, expensive fiber, 4+ support calls, the age U-shape, low data use).
    private static let churnTabular = MLECompetition(
        id: "churn-tabular",
        kind: "tabular",
        description: #"""
            # Telecom Churn Prediction

            A regional telecom operator loses many subscribers every quarter. The retention team can call a few hundred
            customers each month with an offer, and wants to call the ones most likely to leave. Your task: from a
            snapshot of each customer's account, predict whether they cancel their subscription in the following
            quarter.

            ## Data

            - `train.csv`: 4,000 customers with the target `churned` (1 = cancelled in the following quarter, 0 =
              stayed).
            - `test.csv`: 1,000 other customers, the same columns without `churned`.
            - `sample_submission.csv`: a submission in the right format (a constant guess).

            Columns:

            - `id`: customer id.
            - `tenure_months`: months since the customer joined.
            - `contract`: `month-to-month`, `one-year` or `two-year`.
            - `internet`: the internet service: `none`, `dsl` or `fiber`.
            - `monthly_charge`: the current monthly bill (EUR).
            - `payment_method`: `credit-card`, `bank-transfer`, `electronic-check` or `mailed-check`.
            - `paperless_billing`: `yes` or `no`.
            - `support_calls`: calls to customer support in the last 6 months.
            - `age`: the account holder's age.
            - `data_gb`: mobile data used last month (GB).
            - `satisfaction`: answer to the last satisfaction survey, 1 (very unhappy) to 5 (very happy).
            - `region`: sales region.
            - `household_size`: people on the account.
            - `signal_strength`: average signal strength at the customer's address (dBm).

            Empty cells are missing values (not every customer answered the survey, and some records are incomplete).

            ## Evaluation

            Submissions are scored by the area under the ROC curve (AUC) between your predicted scores and the true
            `churned` labels of the test customers: the probability that a randomly chosen customer who churned gets a
            higher score than a randomly chosen customer who stayed, tied scores counting one half. Only the ordering of
            the scores matters, so any finite numbers are accepted (probabilities are natural). Higher is better: 0.5 is
            a constant or random guess, 1.0 a perfect ranking.

            ## Submission format

            A CSV file `submission.csv` with the header `id,churned` and exactly one row for every id in `test.csv` (no
            other rows), the second column holding your score:

            ```
            id,churned
            4000,0.12
            4001,0.87
            ...
            ```

            The labels of the test set are hidden. Medals are awarded from the score.
            """#,
        generate: #"""
            import csv
            import sys

            import numpy as np

            rng = np.random.default_rng(7301)
            N_TRAIN, N_TEST = 4000, 1000
            n = N_TRAIN + N_TEST

            contract = rng.choice(["month-to-month", "one-year", "two-year"], size=n, p=[0.52, 0.26, 0.22])
            tenure = np.where(contract == "month-to-month", rng.geometric(1 / 14, n),
                              np.where(contract == "one-year", rng.geometric(1 / 28, n), rng.geometric(1 / 40, n)))
            tenure = np.clip(tenure, 1, 72)
            internet = rng.choice(["none", "dsl", "fiber"], size=n, p=[0.18, 0.37, 0.45])
            base_charge = np.where(internet == "none", 25.0, np.where(internet == "dsl", 55.0, 80.0))
            monthly_charge = np.clip(base_charge + rng.normal(0, 14, n) + rng.integers(0, 4, n) * 5.0, 18.0, 130.0)
            payment = rng.choice(["credit-card", "bank-transfer", "electronic-check", "mailed-check"], size=n,
                                 p=[0.3, 0.25, 0.3, 0.15])
            support_calls = rng.poisson(1.3, n)
            age = np.clip(rng.normal(46, 15, n), 18, 88).round()
            data_gb = np.where(internet == "none", 0.0, rng.lognormal(2.0, 0.9, n))
            satisfaction = rng.choice([1, 2, 3, 4, 5], size=n, p=[0.08, 0.14, 0.3, 0.3, 0.18])
            region = rng.choice(["north", "south", "east", "west", "central", "coast", "mountain", "islands"], size=n)
            household_size = rng.integers(1, 7, n)
            signal_strength = rng.normal(-85, 8, n)
            paperless = rng.random(n) < 0.6

            logit = np.full(n, -2.3)
            m2m = contract == "month-to-month"
            logit += np.where(m2m & (tenure <= 6), 2.4, 0.0)
            logit += np.where(m2m & (tenure > 6), 0.7 - 0.015 * tenure, 0.0)
            logit += np.where(contract == "one-year", -0.5, 0.0)
            logit += np.where(contract == "two-year", -1.7, 0.0)
            logit += np.where((internet == "fiber") & (monthly_charge > 95), 2.2, 0.0)
            logit += np.where(internet != "fiber", 0.012 * (monthly_charge - 60), 0.0)
            logit += np.where(support_calls >= 4, 2.4, np.where(support_calls >= 2, 0.3, 0.0))
            logit += 0.0032 * (age - 47) ** 2
            logit += np.array([0.0, 1.3, 0.6, 0.0, -0.4, -0.6])[satisfaction]
            logit += np.where(payment == "electronic-check", 0.5, 0.0)
            logit += np.where((internet != "none") & (data_gb < 2.0), 1.6, 0.0)
            prob = 1 / (1 + np.exp(-logit))
            churned = (rng.random(n) < prob).astype(int)

            # Missing values: the survey is often unanswered (more often by unhappy customers),
            # and some billing records were not exported.
            sat_missing = rng.random(n) < np.where(satisfaction <= 2, 0.45, 0.2)
            charge_missing = rng.random(n) < 0.06
            age_missing = rng.random(n) < 0.04

            order = rng.permutation(n)


            def row(i):
                return [
                    f"{tenure[i]}",
                    contract[i],
                    internet[i],
                    "" if charge_missing[i] else f"{monthly_charge[i]:.2f}",
                    payment[i],
                    "yes" if paperless[i] else "no",
                    f"{support_calls[i]}",
                    "" if age_missing[i] else f"{int(age[i])}",
                    f"{data_gb[i]:.2f}",
                    "" if sat_missing[i] else f"{satisfaction[i]}",
                    region[i],
                    f"{household_size[i]}",
                    f"{signal_strength[i]:.1f}",
                ]


            columns = ["tenure_months", "contract", "internet", "monthly_charge", "payment_method", "paperless_billing",
                       "support_calls", "age", "data_gb", "satisfaction", "region", "household_size", "signal_strength"]
            train_idx, test_idx = order[:N_TRAIN], order[N_TRAIN:]
            with open("train.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id"] + columns + ["churned"])
                for k, i in enumerate(train_idx):
                    w.writerow([k] + row(i) + [churned[i]])
            with open("test.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id"] + columns)
                for k, i in enumerate(test_idx):
                    w.writerow([N_TRAIN + k] + row(i))
            with open("sample_submission.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "churned"])
                for k in range(N_TEST):
                    w.writerow([N_TRAIN + k, "0.5"])
            with open(sys.argv[1], "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "churned"])
                for k, i in enumerate(test_idx):
                    w.writerow([N_TRAIN + k, churned[i]])
            """#,
        grade: #"""
            import csv
            import math
            import os
            import sys

            import numpy as np

            TARGET = "churned"


            def invalid(why):
                sys.stderr.write("invalid submission: " + why + "\n")
                sys.exit(2)


            def canonical_id(text):
                text = text.strip()
                if text.endswith(".0"):
                    text = text[:-2]
                try:
                    return str(int(text))
                except ValueError:
                    return text


            truth = {}
            with open(sys.argv[2], newline="") as f:
                for record in csv.DictReader(f):
                    truth[record["id"]] = int(record[TARGET])

            path = sys.argv[1]
            if not os.path.isfile(path):
                invalid("submission.csv not found (or not a regular file)")
            if os.path.getsize(path) > 50_000_000:
                invalid("the file is larger than 50 MB")
            predicted = {}
            try:
                with open(path, newline="", encoding="utf-8-sig") as f:
                    reader = csv.reader(f)
                    header = [cell.strip() for cell in next(reader, [])]
                    if sorted(header) != sorted(["id", TARGET]):
                        invalid(f"the header must be id,{TARGET} (found {','.join(header)[:80]!r})")
                    id_col, value_col = header.index("id"), header.index(TARGET)
                    for row in reader:
                        if not any(cell.strip() for cell in row):
                            continue
                        line = reader.line_num
                        if len(row) != 2:
                            invalid(f"line {line} has {len(row)} fields, expected 2")
                        key = canonical_id(row[id_col])
                        if key not in truth:
                            invalid(f"line {line}: unknown id {row[id_col][:40]!r}")
                        if key in predicted:
                            invalid(f"line {line}: duplicate id {key}")
                        try:
                            value = float(row[value_col])
                        except ValueError:
                            invalid(f"line {line}: {TARGET} is not a number ({row[value_col][:40]!r})")
                        if not math.isfinite(value):
                            invalid(f"line {line}: {TARGET} is not finite")
                        predicted[key] = value
            except Exception as error:  # undecodable bytes, NUL bytes, oversized fields, ...
                invalid(f"unreadable CSV ({type(error).__name__}: {str(error)[:80]})")
            missing = [key for key in truth if key not in predicted]
            if missing:
                invalid(f"{len(missing)} test ids are missing (first: {missing[0]})")

            ids = list(truth)
            y = np.array([truth[key] for key in ids], dtype=float)
            scores = np.array([predicted[key] for key in ids], dtype=float)
            # ROC AUC as the Mann-Whitney statistic, tied scores sharing their average rank.
            _, inverse, counts = np.unique(scores, return_inverse=True, return_counts=True)
            ends = np.cumsum(counts)
            ranks = ((ends - counts + 1 + ends) / 2.0)[inverse]
            positives, negatives = y.sum(), len(y) - y.sum()
            auc = (ranks[y == 1].sum() - positives * (positives + 1) / 2) / (positives * negatives)
            print(f"{auc:.6f}")
            """#,
        higherIsBetter: true,
        medals: MLEMedals(baseline: 0.5, bronze: 0.6339, silver: 0.7175, gold: 0.7845,
                          reference: 0.834656),
        reference: #"""
            import csv
            import os

            os.environ["OMP_NUM_THREADS"] = "1"  # small data: threads only add overhead

            import numpy as np
            from sklearn.ensemble import HistGradientBoostingClassifier

            NUMERIC = ["tenure_months", "monthly_charge", "support_calls", "age", "data_gb", "satisfaction",
                       "household_size", "signal_strength"]
            CATEGORICAL = ["contract", "internet", "payment_method", "paperless_billing", "region"]


            def load(path):
                with open(path, newline="") as f:
                    return list(csv.DictReader(f))


            train, test = load("train.csv"), load("test.csv")
            levels = {c: sorted({r[c] for r in train}) for c in CATEGORICAL}


            def features(rows):
                x = np.empty((len(rows), len(NUMERIC) + len(CATEGORICAL) + 1))
                for i, r in enumerate(rows):
                    nums = [float(r[c]) if r[c] != "" else np.nan for c in NUMERIC]
                    cats = [levels[c].index(r[c]) if r[c] in levels[c] else np.nan for c in CATEGORICAL]
                    x[i] = nums + cats + [1.0 if r["satisfaction"] == "" else 0.0]
                return x


            x_train, x_test = features(train), features(test)
            y = np.array([int(r["churned"]) for r in train])
            is_cat = [False] * len(NUMERIC) + [True] * len(CATEGORICAL) + [False]
            model = HistGradientBoostingClassifier(learning_rate=0.03, max_iter=300, max_leaf_nodes=7,
                                                   min_samples_leaf=50,
                                                   l2_regularization=1.0, categorical_features=is_cat, random_state=0)
            probs = model.fit(x_train, y).predict_proba(x_test)[:, 1]
            with open("submission.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "churned"])
                for r, p in zip(test, probs):
                    w.writerow([r["id"], f"{p:.6f}"])
            """#,
        baseline: #"""
            import csv

            # The naive solution: every customer gets the training churn rate (a constant, so AUC 0.5).
            with open("train.csv", newline="") as f:
                labels = [int(r["churned"]) for r in csv.DictReader(f)]
            rate = sum(labels) / len(labels)
            with open("test.csv", newline="") as f:
                ids = [r["id"] for r in csv.DictReader(f)]
            with open("submission.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "churned"])
                for i in ids:
                    w.writerow([i, f"{rate:.6f}"])
            """#,
        humanMinutes: 60
    )

    /// Food delivery time (tabular; RMSE (minutes), lower is better). Measured in the sandbox: baseline (mean
    /// training time) 12.738; ridge regression on one-hot and mean-imputed columns, restaurant id left out 8.562
    /// (bronze); reference (HistGradientBoosting with the restaurant id as a categorical) 4.672 (1.0 CPU-s, 1.0 s
    /// wall). Lines at 40%, 65% and 85% of the way from baseline to reference, rounded to 3 decimals: bronze 9.511,
    /// silver 7.495, gold 5.882; gold needs each kitchen's own pace (restaurant id), speed by vehicle, weather and
    /// traffic, and the slow first months of a courier.
    private static let deliveryTimeTabular = MLECompetition(
        id: "delivery-time-tabular",
        kind: "tabular",
        description: #"""
            # Food Delivery Time

            A food delivery platform shows customers an estimated delivery time when they order. Estimates that are too
            optimistic make customers angry; estimates that are too pessimistic make them order elsewhere. Your task:
            predict how many minutes an order takes from the moment it is placed until it reaches the customer's door.

            ## Data

            - `train.csv`: 5,000 past orders with the target `delivery_minutes`.
            - `test.csv`: 1,000 other orders, the same columns without `delivery_minutes`.
            - `sample_submission.csv`: a submission in the right format (a constant guess).

            Columns:

            - `id`: order id.
            - `restaurant_id`: the restaurant (`R001` to `R060`); each kitchen has its own pace.
            - `restaurant_zone`: the part of town the restaurant is in.
            - `weekday`: `Mon` to `Sun`.
            - `hour`: the hour the order was placed (0-23).
            - `weather`: `clear`, `cloudy`, `rain`, `snow` or `fog`.
            - `vehicle`: the courier's vehicle: `bicycle`, `scooter` or `car`.
            - `distance_km`: road distance from the restaurant to the customer.
            - `items`: number of items in the order.
            - `traffic_index`: city traffic level at the time, 0 (empty roads) to 10 (gridlock).
            - `courier_experience_months`: how long the courier has worked for the platform.
            - `courier_rating`: the courier's average customer rating (1-5).
            - `tip_eur`: the tip the customer added when ordering.

            Empty cells are missing values.

            ## Evaluation

            Submissions are scored by the root mean squared error between your predicted and the actual delivery times
            of the test orders:

            RMSE = sqrt( (1/N) * sum over test orders of (predicted_minutes - actual_minutes)^2 )

            Lower is better.

            ## Submission format

            A CSV file `submission.csv` with the header `id,delivery_minutes` and exactly one row for every id in
            `test.csv` (no other rows), the second column a number of minutes:

            ```
            id,delivery_minutes
            5000,31.5
            5001,44.0
            ...
            ```

            The delivery times of the test set are hidden. Medals are awarded from the score.
            """#,
        generate: #"""
            import csv
            import sys

            import numpy as np

            rng = np.random.default_rng(5512)
            N_TRAIN, N_TEST = 5000, 1000
            n = N_TRAIN + N_TEST

            restaurants = [f"R{k:03d}" for k in range(1, 61)]
            restaurant_prep = rng.gamma(6.0, 2.2, len(restaurants)) + 4.0  # each kitchen's own speed (minutes)
            restaurant_zone = rng.choice(["old-town", "riverside", "university", "harbour", "hills"],
                                         size=len(restaurants))
            r_index = rng.integers(0, len(restaurants), n)
            hour_weight = np.array([1, 1, 1, 1, 1, 1, 2, 3, 4, 4, 6, 10, 12, 8, 5, 4, 5, 8, 12, 13, 10, 7, 4, 2],
                                   dtype=float)
            hour = rng.choice(np.arange(24), size=n, p=hour_weight / hour_weight.sum())
            weekday = rng.choice(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], size=n)
            weekend = np.isin(weekday, ["Fri", "Sat", "Sun"])
            weather = rng.choice(["clear", "cloudy", "rain", "snow", "fog"], size=n, p=[0.45, 0.25, 0.18, 0.06, 0.06])
            vehicle = rng.choice(["bicycle", "scooter", "car"], size=n, p=[0.35, 0.4, 0.25])
            distance = np.clip(rng.gamma(2.2, 1.6, n), 0.3, 18.0)
            items = 1 + rng.poisson(1.8, n)
            traffic = np.clip(3.0 + 4.0 * np.isin(hour, [8, 9, 17, 18, 19]) + rng.normal(0, 1.5, n), 0, 10)
            experience = np.clip(rng.exponential(14, n), 0, 120)
            courier_rating = np.clip(rng.normal(4.5, 0.3, n), 1, 5)
            customer_tip = rng.choice([0, 1, 2, 3, 5], size=n, p=[0.4, 0.2, 0.2, 0.1, 0.1])

            rush = np.isin(hour, [12, 13, 19, 20]).astype(float)
            weekend_dinner = weekend & (hour >= 18) & (hour <= 21)
            prep = restaurant_prep[r_index] * (1 + 0.35 * rush) + 0.9 * items + 5.0 * weekend_dinner
            base_speed = np.where(vehicle == "bicycle", 15.0, np.where(vehicle == "scooter", 24.0, 30.0))
            traffic_drag = np.where(vehicle == "bicycle", 0.01, np.where(vehicle == "scooter", 0.04, 0.07)) * traffic
            weather_factor = np.select(
                [weather == "rain", weather == "snow", weather == "fog"],
                [np.where(vehicle == "car", 0.9, 0.72), np.where(vehicle == "car", 0.6, 0.5), np.full(n, 0.8)], 1.0)
            speed = base_speed * np.maximum(0.25, 1 - traffic_drag) * weather_factor
            travel = 60.0 * distance / speed + 3.0
            rookie = 9.0 * np.exp(-experience / 4.0)
            minutes = prep + travel + rookie + rng.normal(0, 3.0, n) + (rng.random(n) < 0.03) * rng.uniform(5, 25, n)

            traffic_missing = rng.random(n) < 0.12
            experience_missing = rng.random(n) < 0.05
            order = rng.permutation(n)


            def row(i):
                return [restaurants[r_index[i]], restaurant_zone[r_index[i]], weekday[i], f"{hour[i]}", weather[i],
                        vehicle[i], f"{distance[i]:.2f}", f"{items[i]}",
                        "" if traffic_missing[i] else f"{traffic[i]:.1f}",
                        "" if experience_missing[i] else f"{experience[i]:.1f}", f"{courier_rating[i]:.2f}",
                        f"{customer_tip[i]}"]


            columns = ["restaurant_id", "restaurant_zone", "weekday", "hour", "weather", "vehicle", "distance_km",
                       "items",
                       "traffic_index", "courier_experience_months", "courier_rating", "tip_eur"]
            train_idx, test_idx = order[:N_TRAIN], order[N_TRAIN:]
            with open("train.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id"] + columns + ["delivery_minutes"])
                for k, i in enumerate(train_idx):
                    w.writerow([k] + row(i) + [f"{minutes[i]:.1f}"])
            with open("test.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id"] + columns)
                for k, i in enumerate(test_idx):
                    w.writerow([N_TRAIN + k] + row(i))
            with open("sample_submission.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "delivery_minutes"])
                for k in range(N_TEST):
                    w.writerow([N_TRAIN + k, "35.0"])
            with open(sys.argv[1], "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "delivery_minutes"])
                for k, i in enumerate(test_idx):
                    w.writerow([N_TRAIN + k, f"{minutes[i]:.1f}"])
            """#,
        grade: #"""
            import csv
            import math
            import os
            import sys

            import numpy as np

            TARGET = "delivery_minutes"


            def invalid(why):
                sys.stderr.write("invalid submission: " + why + "\n")
                sys.exit(2)


            def canonical_id(text):
                text = text.strip()
                if text.endswith(".0"):
                    text = text[:-2]
                try:
                    return str(int(text))
                except ValueError:
                    return text


            truth = {}
            with open(sys.argv[2], newline="") as f:
                for record in csv.DictReader(f):
                    truth[record["id"]] = float(record[TARGET])

            path = sys.argv[1]
            if not os.path.isfile(path):
                invalid("submission.csv not found (or not a regular file)")
            if os.path.getsize(path) > 50_000_000:
                invalid("the file is larger than 50 MB")
            predicted = {}
            try:
                with open(path, newline="", encoding="utf-8-sig") as f:
                    reader = csv.reader(f)
                    header = [cell.strip() for cell in next(reader, [])]
                    if sorted(header) != sorted(["id", TARGET]):
                        invalid(f"the header must be id,{TARGET} (found {','.join(header)[:80]!r})")
                    id_col, value_col = header.index("id"), header.index(TARGET)
                    for row in reader:
                        if not any(cell.strip() for cell in row):
                            continue
                        line = reader.line_num
                        if len(row) != 2:
                            invalid(f"line {line} has {len(row)} fields, expected 2")
                        key = canonical_id(row[id_col])
                        if key not in truth:
                            invalid(f"line {line}: unknown id {row[id_col][:40]!r}")
                        if key in predicted:
                            invalid(f"line {line}: duplicate id {key}")
                        try:
                            value = float(row[value_col])
                        except ValueError:
                            invalid(f"line {line}: {TARGET} is not a number ({row[value_col][:40]!r})")
                        if not math.isfinite(value):
                            invalid(f"line {line}: {TARGET} is not finite")
                        predicted[key] = value
            except Exception as error:  # undecodable bytes, NUL bytes, oversized fields, ...
                invalid(f"unreadable CSV ({type(error).__name__}: {str(error)[:80]})")
            missing = [key for key in truth if key not in predicted]
            if missing:
                invalid(f"{len(missing)} test ids are missing (first: {missing[0]})")

            ids = list(truth)
            y = np.array([truth[key] for key in ids])
            prediction = np.array([predicted[key] for key in ids])
            errors = np.abs(prediction - y)
            scale = max(float(errors.max()), 1.0)  # keeps absurdly large predictions finite instead of overflowing
            rmse = scale * float(np.sqrt(np.mean((errors / scale) ** 2)))
            print(f"{rmse:.6f}")
            """#,
        higherIsBetter: false,
        medals: MLEMedals(baseline: 12.737623, bronze: 9.511, silver: 7.495, gold: 5.882,
                          reference: 4.672188),
        reference: #"""
            import csv
            import os

            os.environ["OMP_NUM_THREADS"] = "1"  # small data: threads only add overhead

            import numpy as np
            from sklearn.ensemble import HistGradientBoostingRegressor

            NUMERIC = ["hour", "distance_km", "items", "traffic_index", "courier_experience_months", "courier_rating",
                       "tip_eur"]
            CATEGORICAL = ["restaurant_id", "restaurant_zone", "weekday", "weather", "vehicle"]


            def load(path):
                with open(path, newline="") as f:
                    return list(csv.DictReader(f))


            train, test = load("train.csv"), load("test.csv")
            levels = {c: sorted({r[c] for r in train}) for c in CATEGORICAL}


            def features(rows):
                x = np.empty((len(rows), len(NUMERIC) + len(CATEGORICAL)))
                for i, r in enumerate(rows):
                    nums = [float(r[c]) if r[c] != "" else np.nan for c in NUMERIC]
                    cats = [levels[c].index(r[c]) if r[c] in levels[c] else np.nan for c in CATEGORICAL]
                    x[i] = nums + cats
                return x


            is_cat = [False] * len(NUMERIC) + [True] * len(CATEGORICAL)
            model = HistGradientBoostingRegressor(learning_rate=0.05, max_iter=400, max_leaf_nodes=15,
                                                  min_samples_leaf=20,
                                                  categorical_features=is_cat, random_state=0)
            model.fit(features(train), [float(r["delivery_minutes"]) for r in train])
            pred = model.predict(features(test))
            with open("submission.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "delivery_minutes"])
                for r, p in zip(test, pred):
                    w.writerow([r["id"], f"{p:.3f}"])
            """#,
        baseline: #"""
            import csv

            # The naive solution: every order gets the mean training delivery time.
            with open("train.csv", newline="") as f:
                minutes = [float(r["delivery_minutes"]) for r in csv.DictReader(f)]
            mean = sum(minutes) / len(minutes)
            with open("test.csv", newline="") as f:
                ids = [r["id"] for r in csv.DictReader(f)]
            with open("submission.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "delivery_minutes"])
                for i in ids:
                    w.writerow([i, f"{mean:.3f}"])
            """#,
        humanMinutes: 60
    )

    /// Crop type (tabular; macro-F1 over six crops, higher is better). Measured in the sandbox: baseline (majority
    /// crop) 0.0947; multinomial logistic regression on standardised one-hot and mean-imputed columns 0.5461
    /// (silver); reference (HistGradientBoosting with water = rain + irrigation and the May-to-August greenness
    /// change) 0.6799 (2.9 CPU-s, 8.0 s wall). Lines at 40%, 65% and 85% of the way from baseline to reference,
    /// rounded to 4 decimals: bronze 0.3288, silver 0.4751, gold 0.5921; gold needs the nonlinear rules: each crop's
    /// temperature and pH optimum, water from rain plus irrigation for rice and cotton.
    private static let cropTypeTabular = MLECompetition(
        id: "crop-type-tabular",
        kind: "tabular",
        description: #"""
            # Crop Type from Field Surveys

            An agricultural agency wants a map of which crop grows on every field of the region, without visiting each
            one. For a sample of fields, surveyors recorded the crop; for all fields, the agency has terrain and climate
            data, soil samples and two satellite greenness readings. Your task: predict the crop grown on each test
            field.

            ## Data

            - `train.csv`: 4,500 surveyed fields with the target `crop`, one of `wheat`, `maize`, `barley`, `soybean`,
              `rice`, `cotton`. The crops are not equally common.
            - `test.csv`: 1,000 other fields, the same columns without `crop`.
            - `sample_submission.csv`: a submission in the right format (a constant guess).

            Columns:

            - `id`: field id.
            - `elevation_m`: elevation above sea level.
            - `rainfall_mm`: average yearly rainfall.
            - `mean_temp_c`: average growing-season temperature.
            - `soil_type`: `clay`, `loam`, `sand`, `silt` or `peat`.
            - `soil_ph`: acidity of the soil sample.
            - `irrigated`: whether the field is irrigated (`yes` or `no`).
            - `slope_deg`: average slope of the field.
            - `ndvi_may`, `ndvi_aug`: satellite vegetation index (greenness, 0-1) in May and in August.
            - `field_ha`: field area in hectares.
            - `district`: administrative district.

            Empty cells are missing values (no soil sample analysed; cloud cover over the field in May).

            ## Evaluation

            Submissions are scored by the macro-averaged F1 score over the six crops. For each crop c, with TP the test
            fields of crop c predicted as c, FP the fields of another crop predicted as c and FN the fields of crop c
            predicted as something else, F1(c) = 2·TP / (2·TP + FP + FN); the score is the unweighted mean of the six F1
            values, so rare crops count as much as common ones. Higher is better (1.0 is perfect).

            ## Submission format

            A CSV file `submission.csv` with the header `id,crop` and exactly one row for every id in `test.csv` (no
            other rows), the second column one of the six crop names:

            ```
            id,crop
            4500,maize
            4501,wheat
            ...
            ```

            The crops of the test fields are hidden. Medals are awarded from the score.
            """#,
        generate: #"""
            import csv
            import sys

            import numpy as np

            rng = np.random.default_rng(90210)
            N_TRAIN, N_TEST = 4500, 1000
            n = N_TRAIN + N_TEST
            CROPS = ["wheat", "maize", "barley", "soybean", "rice", "cotton"]

            elevation = np.clip(rng.normal(420, 260, n), 5, 1500)
            rainfall = np.clip(rng.gamma(6.0, 120.0, n) - 0.2 * (elevation - 400), 150, 2600)
            temperature = 21.0 - 0.0062 * elevation + rng.normal(0, 2.2, n)
            soil = rng.choice(["clay", "loam", "sand", "silt", "peat"], size=n, p=[0.25, 0.33, 0.17, 0.17, 0.08])
            soil_ph = np.clip(np.select([soil == "peat", soil == "sand"], [4.8, 6.9], 6.4) + rng.normal(0, 0.55, n), 3.8,
                              8.8)
            irrigated = rng.random(n) < 0.35
            slope = np.clip(rng.gamma(1.6, 2.5, n), 0, 35)
            ndvi_may = np.clip(rng.normal(0.45, 0.12, n), 0.05, 0.95)
            ndvi_aug = np.clip(rng.normal(0.5, 0.12, n), 0.05, 0.95)
            field_ha = np.round(rng.lognormal(2.3, 0.8, n), 1)
            farm_district = rng.choice([f"D{k:02d}" for k in range(1, 13)], size=n)

            water = rainfall + 700.0 * irrigated
            score = np.zeros((n, len(CROPS)))
            score[:, 0] = 1.2 - ((temperature - 15.0) / 4.0) ** 2 + 0.8 * (soil == "loam") - 0.6 * (water > 1400)
            score[:, 1] = 0.8 - ((temperature - 22.0) / 3.5) ** 2 + 0.9 * ((water > 700) & (water < 1700)) - 0.05 * slope
            score[:, 2] = 0.9 - ((temperature - 12.0) / 4.0) ** 2 + 0.7 * (elevation > 700) + 0.5 * (soil == "sand")
            score[:, 3] = 0.5 - ((soil_ph - 6.6) / 0.4) ** 2 + 0.8 * (soil == "silt") + 0.6 * (temperature > 17)
            score[:, 4] = -1.2 + 2.8 * ((water > 1500) & (slope < 4)) + 0.9 * (soil == "clay") - 1.5 * (elevation > 600)
            score[:, 5] = -1.0 + 2.2 * (temperature > 21) * (water < 1100) + 0.6 * (soil == "sand") + 0.3 * irrigated
            # Satellite greenness: each crop peaks in a different month (noisy).
            peak_may = np.array([0.06, -0.04, 0.05, -0.03, -0.05, -0.06])
            peak_aug = np.array([-0.05, 0.06, -0.04, 0.04, 0.06, 0.03])
            noise = rng.gumbel(0, 0.45, (n, len(CROPS)))
            label = np.argmax(score + noise, axis=1)
            ndvi_may = np.clip(ndvi_may + peak_may[label], 0.02, 0.98)
            ndvi_aug = np.clip(ndvi_aug + peak_aug[label], 0.02, 0.98)

            ph_missing = rng.random(n) < 0.1
            ndvi_missing = rng.random(n) < 0.08  # cloud cover
            order = rng.permutation(n)


            def row(i):
                return [f"{elevation[i]:.0f}", f"{rainfall[i]:.0f}", f"{temperature[i]:.1f}", soil[i],
                        "" if ph_missing[i] else f"{soil_ph[i]:.2f}", "yes" if irrigated[i] else "no", f"{slope[i]:.1f}",
                        "" if ndvi_missing[i] else f"{ndvi_may[i]:.3f}", f"{ndvi_aug[i]:.3f}", f"{field_ha[i]:.1f}",
                        farm_district[i]]


            columns = ["elevation_m", "rainfall_mm", "mean_temp_c", "soil_type", "soil_ph", "irrigated", "slope_deg",
                       "ndvi_may", "ndvi_aug", "field_ha", "district"]
            train_idx, test_idx = order[:N_TRAIN], order[N_TRAIN:]
            with open("train.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id"] + columns + ["crop"])
                for k, i in enumerate(train_idx):
                    w.writerow([k] + row(i) + [CROPS[label[i]]])
            with open("test.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id"] + columns)
                for k, i in enumerate(test_idx):
                    w.writerow([N_TRAIN + k] + row(i))
            with open("sample_submission.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "crop"])
                for k in range(N_TEST):
                    w.writerow([N_TRAIN + k, "wheat"])
            with open(sys.argv[1], "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "crop"])
                for k, i in enumerate(test_idx):
                    w.writerow([N_TRAIN + k, CROPS[label[i]]])
            """#,
        grade: #"""
            import csv
            import os
            import sys

            import numpy as np

            TARGET = "crop"
            CLASSES = ["wheat", "maize", "barley", "soybean", "rice", "cotton"]


            def invalid(why):
                sys.stderr.write("invalid submission: " + why + "\n")
                sys.exit(2)


            def canonical_id(text):
                text = text.strip()
                if text.endswith(".0"):
                    text = text[:-2]
                try:
                    return str(int(text))
                except ValueError:
                    return text


            truth = {}
            with open(sys.argv[2], newline="") as f:
                for record in csv.DictReader(f):
                    truth[record["id"]] = record[TARGET]

            path = sys.argv[1]
            if not os.path.isfile(path):
                invalid("submission.csv not found (or not a regular file)")
            if os.path.getsize(path) > 50_000_000:
                invalid("the file is larger than 50 MB")
            predicted = {}
            try:
                with open(path, newline="", encoding="utf-8-sig") as f:
                    reader = csv.reader(f)
                    header = [cell.strip() for cell in next(reader, [])]
                    if sorted(header) != sorted(["id", TARGET]):
                        invalid(f"the header must be id,{TARGET} (found {','.join(header)[:80]!r})")
                    id_col, value_col = header.index("id"), header.index(TARGET)
                    for row in reader:
                        if not any(cell.strip() for cell in row):
                            continue
                        line = reader.line_num
                        if len(row) != 2:
                            invalid(f"line {line} has {len(row)} fields, expected 2")
                        key = canonical_id(row[id_col])
                        if key not in truth:
                            invalid(f"line {line}: unknown id {row[id_col][:40]!r}")
                        if key in predicted:
                            invalid(f"line {line}: duplicate id {key}")
                        value = row[value_col].strip().lower()
                        if value not in CLASSES:
                            invalid(f"line {line}: unknown crop {row[value_col][:40]!r} "
                                    f"(expected one of {', '.join(CLASSES)})")
                        predicted[key] = value
            except Exception as error:  # undecodable bytes, NUL bytes, oversized fields, ...
                invalid(f"unreadable CSV ({type(error).__name__}: {str(error)[:80]})")
            missing = [key for key in truth if key not in predicted]
            if missing:
                invalid(f"{len(missing)} test ids are missing (first: {missing[0]})")

            ids = list(truth)
            y = np.array([truth[key] for key in ids])
            prediction = np.array([predicted[key] for key in ids])
            # Macro-averaged F1: the unweighted mean over the six crops of 2TP / (2TP + FP + FN).
            f1 = []
            for crop in CLASSES:
                tp = np.sum((prediction == crop) & (y == crop))
                fp = np.sum((prediction == crop) & (y != crop))
                fn = np.sum((prediction != crop) & (y == crop))
                f1.append(2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0)
            print(f"{np.mean(f1):.6f}")
            """#,
        higherIsBetter: true,
        medals: MLEMedals(baseline: 0.094727, bronze: 0.3288, silver: 0.4751, gold: 0.5921,
                          reference: 0.679891),
        reference: #"""
            import csv
            import os

            os.environ["OMP_NUM_THREADS"] = "1"  # small data: threads only add overhead

            import numpy as np
            from sklearn.ensemble import HistGradientBoostingClassifier

            NUMERIC = ["elevation_m", "rainfall_mm", "mean_temp_c", "soil_ph", "slope_deg", "ndvi_may", "ndvi_aug",
                       "field_ha"]
            CATEGORICAL = ["soil_type", "irrigated", "district"]


            def load(path):
                with open(path, newline="") as f:
                    return list(csv.DictReader(f))


            train, test = load("train.csv"), load("test.csv")
            levels = {c: sorted({r[c] for r in train}) for c in CATEGORICAL}


            def features(rows):
                x = np.empty((len(rows), len(NUMERIC) + len(CATEGORICAL) + 2))
                for i, r in enumerate(rows):
                    nums = [float(r[c]) if r[c] != "" else np.nan for c in NUMERIC]
                    cats = [levels[c].index(r[c]) if r[c] in levels[c] else np.nan for c in CATEGORICAL]
                    # Water available to the crop, and the greenness shift between May and August.
                    water = float(r["rainfall_mm"]) + (700.0 if r["irrigated"] == "yes" else 0.0)
                    x[i] = nums + cats + [water, nums[6] - nums[5]]
                return x


            x_train, x_test = features(train), features(test)
            y = np.array([r["crop"] for r in train])
            is_cat = [False] * len(NUMERIC) + [True] * len(CATEGORICAL) + [False, False]
            model = HistGradientBoostingClassifier(learning_rate=0.05, max_iter=250, max_leaf_nodes=15,
                                                   min_samples_leaf=20,
                                                   l2_regularization=1.0, categorical_features=is_cat, random_state=0)
            pred = model.fit(x_train, y).predict(x_test)
            with open("submission.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "crop"])
                for r, p in zip(test, pred):
                    w.writerow([r["id"], p])
            """#,
        baseline: #"""
            import csv
            from collections import Counter

            # The naive solution: every field gets the most common crop of the training set.
            with open("train.csv", newline="") as f:
                majority = Counter(r["crop"] for r in csv.DictReader(f)).most_common(1)[0][0]
            with open("test.csv", newline="") as f:
                ids = [r["id"] for r in csv.DictReader(f)]
            with open("submission.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "crop"])
                for i in ids:
                    w.writerow([i, majority])
            """#,
        humanMinutes: 60
    )

    /// Loan default (tabular; log loss, lower is better). Measured in the sandbox: baseline (constant training
    /// default rate) 0.5207; logistic regression on standardised one-hot and mean-imputed columns 0.3045 (silver);
    /// reference (HistGradientBoosting with the repayment-to-income ratio) 0.2171 (0.8 CPU-s, 0.8 s wall). Lines at
    /// 40%, 65% and 85% of the way from baseline to reference, rounded to 4 decimals: bronze 0.3992, silver 0.3234,
    /// gold 0.2627; gold needs the repayment burden (loan over term and income) and the late-payment and
    /// card-utilisation thresholds.
    private static let loanDefaultTabular = MLECompetition(
        id: "loan-default-tabular",
        kind: "tabular",
        description: #"""
            # Consumer Loan Default

            A consumer lender prices its loans from the probability that the borrower defaults: a well-calibrated
            probability matters as much as telling risky and safe borrowers apart. Your task: from the application,
            predict the probability that a personal loan defaults (payments more than 90 days late) within its first two
            years.

            ## Data

            - `train.csv`: 5,000 past loans with the target `defaulted` (1 = defaulted, 0 = repaid or still paying).
            - `test.csv`: 1,000 other loans, the same columns without `defaulted`.
            - `sample_submission.csv`: a submission in the right format (a constant guess).

            Columns:

            - `id`: loan id.
            - `age`: the applicant's age.
            - `employment`: `salaried`, `self-employed`, `contractor`, `retired` or `unemployed`.
            - `annual_income`: declared yearly income (EUR).
            - `loan_amount`: amount borrowed (EUR).
            - `term_months`: repayment period: 12, 24, 36, 48 or 60 months.
            - `purpose`: `car`, `debt-consolidation`, `home-improvement`, `business`, `holiday`, `education` or
              `medical`.
            - `home_ownership`: `own`, `mortgage`, `rent` or `family` (living with family).
            - `credit_history_years`: age of the applicant's oldest credit account.
            - `late_payments_2y`: late payments on other credit in the last two years.
            - `open_accounts`: number of open credit accounts.
            - `card_utilisation`: share of the applicant's credit card limits in use (0-1).
            - `branch`: the branch that handled the application (`B01` to `B40`).
            - `channel`: `online`, `branch` or `broker`.

            Empty cells are missing values (income not declared, credit file incomplete).

            ## Evaluation

            Submissions are scored by the log loss (binary cross-entropy) between your predicted probabilities p and the
            true outcomes y of the test loans:

            log loss = -(1/N) * sum over test loans of [ y·ln(p) + (1 - y)·ln(1 - p) ]

            Each probability must lie between 0 and 1; before scoring it is clipped to [1e-15, 1 - 1e-15]. Lower is
            better. A confident wrong prediction is very expensive.

            ## Submission format

            A CSV file `submission.csv` with the header `id,defaulted` and exactly one row for every id in `test.csv`
            (no other rows), the second column the predicted probability of default:

            ```
            id,defaulted
            5000,0.08
            5001,0.61
            ...
            ```

            The outcomes of the test loans are hidden. Medals are awarded from the score.
            """#,
        generate: #"""
            import csv
            import sys

            import numpy as np

            rng = np.random.default_rng(4417)
            N_TRAIN, N_TEST = 5000, 1000
            n = N_TRAIN + N_TEST

            employment = rng.choice(["salaried", "self-employed", "contractor", "retired", "unemployed"], size=n,
                                    p=[0.6, 0.15, 0.12, 0.1, 0.03])
            income = rng.lognormal(10.5, 0.5, n) * np.select([employment == "retired", employment == "unemployed"],
                                                             [0.6, 0.3], 1.0)
            loan_amount = np.round(np.clip(rng.lognormal(9.3, 0.7, n), 1000, 80000), -2)
            term = rng.choice([12, 24, 36, 48, 60], size=n, p=[0.1, 0.2, 0.35, 0.15, 0.2])
            purpose = rng.choice(["car", "debt-consolidation", "home-improvement", "business", "holiday", "education",
                                  "medical"],
                                 size=n, p=[0.22, 0.28, 0.16, 0.08, 0.08, 0.1, 0.08])
            home = rng.choice(["own", "mortgage", "rent", "family"], size=n, p=[0.15, 0.4, 0.35, 0.1])
            credit_years = np.clip(rng.gamma(2.5, 4.0, n), 0, 45)
            late_payments = rng.poisson(0.6, n)
            open_accounts = rng.poisson(4, n)
            utilisation = np.clip(rng.beta(2, 3, n), 0, 1)
            age = np.clip(rng.normal(42, 13, n), 19, 85).round()
            branch = rng.choice([f"B{k:02d}" for k in range(1, 41)], size=n)
            branch_effect = dict(zip([f"B{k:02d}" for k in range(1, 41)], rng.normal(0, 0.5, 40)))
            channel = rng.choice(["online", "branch", "broker"], size=n, p=[0.55, 0.3, 0.15])

            monthly_payment = loan_amount / term * 1.08
            dti = 12 * monthly_payment / income  # share of yearly income going to this loan
            logit = np.full(n, -3.9)
            logit += np.where(dti > 0.3, 5.1, 0.0) + np.where(dti > 0.5, 2.5, 0.0)
            logit += np.where(late_payments >= 3, 4.2, 0.35 * late_payments)
            logit -= 2.0 * np.log1p(credit_years) / np.log(46)
            logit += np.where(utilisation > 0.75, 3.4, 0.0)
            logit += np.select([purpose == "business", purpose == "holiday", purpose == "medical"], [0.85, 0.7, 0.5], 0.0)
            logit += np.where((employment == "self-employed") & (purpose == "business"), 3.0, 0.0)
            logit += np.select([employment == "unemployed", employment == "contractor"], [2.0, 0.5], 0.0)
            logit += np.where(home == "rent", 0.6, 0.0) - np.where(home == "own", 0.5, 0.0)
            logit += np.array([branch_effect[b] for b in branch])
            logit += 0.0034 * (age - 45) ** 2
            prob = 1 / (1 + np.exp(-logit))
            defaulted = (rng.random(n) < prob).astype(int)

            income_missing = rng.random(n) < np.where(employment == "self-employed", 0.3, 0.05)
            credit_missing = rng.random(n) < 0.06
            order = rng.permutation(n)


            def row(i):
                return [f"{age[i]:.0f}", employment[i], "" if income_missing[i] else f"{income[i]:.0f}",
                        f"{loan_amount[i]:.0f}",
                        f"{term[i]}", purpose[i], home[i], "" if credit_missing[i] else f"{credit_years[i]:.1f}",
                        f"{late_payments[i]}", f"{open_accounts[i]}", f"{utilisation[i]:.3f}", branch[i], channel[i]]


            columns = ["age", "employment", "annual_income", "loan_amount", "term_months", "purpose", "home_ownership",
                       "credit_history_years", "late_payments_2y", "open_accounts", "card_utilisation", "branch",
                       "channel"]
            train_idx, test_idx = order[:N_TRAIN], order[N_TRAIN:]
            with open("train.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id"] + columns + ["defaulted"])
                for k, i in enumerate(train_idx):
                    w.writerow([k] + row(i) + [defaulted[i]])
            with open("test.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id"] + columns)
                for k, i in enumerate(test_idx):
                    w.writerow([N_TRAIN + k] + row(i))
            with open("sample_submission.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "defaulted"])
                for k in range(N_TEST):
                    w.writerow([N_TRAIN + k, "0.1"])
            with open(sys.argv[1], "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "defaulted"])
                for k, i in enumerate(test_idx):
                    w.writerow([N_TRAIN + k, defaulted[i]])
            """#,
        grade: #"""
            import csv
            import os
            import sys

            import numpy as np

            TARGET = "defaulted"


            def invalid(why):
                sys.stderr.write("invalid submission: " + why + "\n")
                sys.exit(2)


            def canonical_id(text):
                text = text.strip()
                if text.endswith(".0"):
                    text = text[:-2]
                try:
                    return str(int(text))
                except ValueError:
                    return text


            truth = {}
            with open(sys.argv[2], newline="") as f:
                for record in csv.DictReader(f):
                    truth[record["id"]] = int(record[TARGET])

            path = sys.argv[1]
            if not os.path.isfile(path):
                invalid("submission.csv not found (or not a regular file)")
            if os.path.getsize(path) > 50_000_000:
                invalid("the file is larger than 50 MB")
            predicted = {}
            try:
                with open(path, newline="", encoding="utf-8-sig") as f:
                    reader = csv.reader(f)
                    header = [cell.strip() for cell in next(reader, [])]
                    if sorted(header) != sorted(["id", TARGET]):
                        invalid(f"the header must be id,{TARGET} (found {','.join(header)[:80]!r})")
                    id_col, value_col = header.index("id"), header.index(TARGET)
                    for row in reader:
                        if not any(cell.strip() for cell in row):
                            continue
                        line = reader.line_num
                        if len(row) != 2:
                            invalid(f"line {line} has {len(row)} fields, expected 2")
                        key = canonical_id(row[id_col])
                        if key not in truth:
                            invalid(f"line {line}: unknown id {row[id_col][:40]!r}")
                        if key in predicted:
                            invalid(f"line {line}: duplicate id {key}")
                        try:
                            value = float(row[value_col])
                        except ValueError:
                            invalid(f"line {line}: {TARGET} is not a number ({row[value_col][:40]!r})")
                        if not 0.0 <= value <= 1.0:
                            invalid(f"line {line}: {TARGET} must be a probability between 0 and 1")
                        predicted[key] = value
            except Exception as error:  # undecodable bytes, NUL bytes, oversized fields, ...
                invalid(f"unreadable CSV ({type(error).__name__}: {str(error)[:80]})")
            missing = [key for key in truth if key not in predicted]
            if missing:
                invalid(f"{len(missing)} test ids are missing (first: {missing[0]})")

            ids = list(truth)
            y = np.array([truth[key] for key in ids], dtype=float)
            p = np.clip(np.array([predicted[key] for key in ids], dtype=float), 1e-15, 1 - 1e-15)
            log_loss = float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
            print(f"{log_loss:.6f}")
            """#,
        higherIsBetter: false,
        medals: MLEMedals(baseline: 0.520666, bronze: 0.3992, silver: 0.3234, gold: 0.2627,
                          reference: 0.217124),
        reference: #"""
            import csv
            import os

            os.environ["OMP_NUM_THREADS"] = "1"  # small data: threads only add overhead

            import numpy as np
            from sklearn.ensemble import HistGradientBoostingClassifier

            NUMERIC = ["age", "annual_income", "loan_amount", "term_months", "credit_history_years", "late_payments_2y",
                       "open_accounts", "card_utilisation"]
            CATEGORICAL = ["employment", "purpose", "home_ownership", "branch", "channel"]


            def load(path):
                with open(path, newline="") as f:
                    return list(csv.DictReader(f))


            train, test = load("train.csv"), load("test.csv")
            levels = {c: sorted({r[c] for r in train}) for c in CATEGORICAL}


            def features(rows):
                x = np.empty((len(rows), len(NUMERIC) + len(CATEGORICAL) + 2))
                for i, r in enumerate(rows):
                    nums = [float(r[c]) if r[c] != "" else np.nan for c in NUMERIC]
                    cats = [levels[c].index(r[c]) if r[c] in levels[c] else np.nan for c in CATEGORICAL]
                    # The burden of the loan: yearly repayments over income, and the monthly repayment itself.
                    monthly = nums[2] / nums[3]
                    x[i] = nums + cats + [12 * monthly / nums[1], monthly]
                return x


            x_train, x_test = features(train), features(test)
            y = np.array([int(r["defaulted"]) for r in train])
            is_cat = [False] * len(NUMERIC) + [True] * len(CATEGORICAL) + [False, False]
            model = HistGradientBoostingClassifier(learning_rate=0.03, max_iter=300, max_leaf_nodes=7,
                                                   min_samples_leaf=40,
                                                   l2_regularization=1.0, categorical_features=is_cat, random_state=0)
            probs = model.fit(x_train, y).predict_proba(x_test)[:, 1]
            with open("submission.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "defaulted"])
                for r, p in zip(test, probs):
                    w.writerow([r["id"], f"{p:.6f}"])
            """#,
        baseline: #"""
            import csv

            # The naive solution: every applicant gets the training default rate.
            with open("train.csv", newline="") as f:
                labels = [int(r["defaulted"]) for r in csv.DictReader(f)]
            rate = sum(labels) / len(labels)
            with open("test.csv", newline="") as f:
                ids = [r["id"] for r in csv.DictReader(f)]
            with open("submission.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "defaulted"])
                for i in ids:
                    w.writerow([i, f"{rate:.6f}"])
            """#,
        humanMinutes: 60
    )

    /// Review sentiment (text; accuracy, higher is better). Measured in the sandbox: baseline (majority class)
    /// 0.5000; logistic regression on word counts 0.6140 (no medal); logistic regression on TF-IDF word 1-3-grams
    /// 0.6820 (bronze); reference (logistic regression on TF-IDF words and bigrams tagged with their sentence's scope
    /// (negated, after "but", an expectation)) 0.8450 (0.8 CPU-s, 0.8 s wall). Lines at 40%, 65% and 85% of the way
    /// from baseline to reference, rounded to 4 decimals: bronze 0.6380, silver 0.7242, gold 0.7933; gold needs the
    /// scope of negations and of "but", which n-grams only partly see.
    private static let reviewSentimentText = MLECompetition(
        id: "review-sentiment-text",
        kind: "text",
        description: #"""
            # Product Review Sentiment

            An electronics retailer collects short written reviews but no star ratings, and wants to know which reviews
            are positive. Reviewers mix praise and complaints about different parts of a product, hedge, negate and
            wander off topic. Your task: predict whether each review's overall sentiment is positive or negative.

            ## Data

            - `train.csv`: 5,000 reviews with the target `sentiment` (`positive` or `negative`), labelled by the
              retailer's staff after reading the whole review.
            - `test.csv`: 1,000 other reviews, columns `id` and `review` only.
            - `sample_submission.csv`: a submission in the right format (a constant guess).

            Columns: `id` (review id), `review` (the text, lower-case, with the reviewers' typing errors), `sentiment`.

            ## Evaluation

            Submissions are scored by accuracy: the share of test reviews whose predicted sentiment equals the true one.
            Higher is better.

            ## Submission format

            A CSV file `submission.csv` with the header `id,sentiment` and exactly one row for every id in `test.csv`
            (no other rows), the second column `positive` or `negative`:

            ```
            id,sentiment
            5000,positive
            5001,negative
            ...
            ```

            The sentiments of the test reviews are hidden. Medals are awarded from the score.
            """#,
        generate: #"""
            import csv
            import random
            import sys

            rnd = random.Random(41017)
            N_TRAIN, N_TEST = 5000, 1000

            PRODUCTS = ["headphones", "phone", "laptop", "speaker", "tablet", "smartwatch", "kettle", "vacuum", "blender",
                        "camera", "router", "e-reader"]
            ASPECTS = ["battery", "screen", "sound", "build quality", "price", "delivery", "packaging",
                       "customer service",
                       "app", "manual", "charger", "design", "setup", "noise level", "performance"]
            POSITIVE = {"great": 1.0, "excellent": 1.2, "good": 0.7, "decent": 0.4, "solid": 0.6, "amazing": 1.3,
                        "fine": 0.3, "impressive": 1.0, "reliable": 0.8, "sturdy": 0.6, "fantastic": 1.3, "nice": 0.5}
            NEGATIVE = {"bad": -0.8, "terrible": -1.3, "poor": -0.9, "awful": -1.3, "flimsy": -0.8, "disappointing": -1.0,
                        "mediocre": -0.4, "weak": -0.6, "useless": -1.2, "annoying": -0.7, "sluggish": -0.7,
                        "faulty": -1.1}
            ADJECTIVES = {**POSITIVE, **NEGATIVE}
            INTENSIFIERS = {"very": 1.3, "really": 1.3, "extremely": 1.5, "quite": 1.1, "pretty": 1.0, "a bit": 0.6,
                            "somewhat": 0.7}
            FILLER = ["i bought this for my daughter", "it arrived on a monday", "the box was blue",
                      "my old one broke last year",
                      "i have used it for two weeks now", "we have a small flat", "i ordered the black version",
                      "it came with a cable and a manual", "this is my second one", "i use it every day at work",
                      "my husband picked it", "got it on sale in march", "the store had three colours",
                      "i compared five models before buying", "it replaced a very old model", "the courier called first"]
            VERDICTS = [("would buy again", 1.4), ("would recommend it to friends", 1.3), ("worth every penny", 1.3),
                        ("sending it back", -1.4), ("waste of money", -1.4), ("regret this purchase", -1.3)]


            def typo(word):
                if len(word) > 3 and rnd.random() < 0.03:
                    k = rnd.randrange(len(word) - 1)
                    return word[:k] + word[k + 1] + word[k] + word[k + 2:]
                return word


            def clause():
                """One opinion about an aspect: (text, sentiment value)."""
                aspect, adjective = rnd.choice(ASPECTS), rnd.choice(list(ADJECTIVES))
                value = ADJECTIVES[adjective]
                if rnd.random() < 0.35:
                    word = rnd.choice(list(INTENSIFIERS))
                    value *= INTENSIFIERS[word]
                    adjective = word + " " + adjective
                form = rnd.random()
                if form < 0.4:  # negated: flips the opinion, and weakens it
                    value = -0.6 * value
                    template = rnd.choice(["the {a} is not {j}", "the {a} isn't {j}", "the {a} was not {j}",
                                           "i would not call the {a} {j}", "the {a} is far from {j}",
                                           "the {a} is never {j}",
                                           "nobody would say the {a} is {j}", "the {a} did not feel {j}"])
                else:
                    template = rnd.choice(["the {a} is {j}", "the {a} was {j}", "i found the {a} {j}",
                                           "the {a} feels {j}",
                                           "honestly the {a} is {j}", "{j} {a}", "the {a} turned out {j}"])
                return template.format(a=aspect, j=adjective), value


            def review():
                parts, total = [], 0.0
                if rnd.random() < 0.15:  # an expectation that says nothing about the product itself
                    parts.append(f"i expected the {rnd.choice(ASPECTS)} to be {rnd.choice(list(POSITIVE))}")
                for _ in range(rnd.choice([1, 2, 2, 3, 3, 4])):
                    text, value = clause()
                    if parts and rnd.random() < 0.3:  # what follows "but" is what the reviewer means
                        text, value = "but " + text, 1.6 * value
                    parts.append(text)
                    total += value
                    if rnd.random() < 0.4:
                        parts.append(rnd.choice(FILLER))
                if rnd.random() < 0.25:
                    verdict, value = rnd.choice(VERDICTS)
                    if rnd.random() < 0.3:
                        verdict, value = "i would not say " + verdict, -0.5 * value
                    parts.append(verdict)
                    total += value
                total += rnd.gauss(0.0, 0.45)
                words = " . ".join(parts).split()
                text = f"this {rnd.choice(PRODUCTS)} : " + " ".join(typo(w) for w in words)
                return text.replace(" . ", ". ").replace(" : ", ": ") + ".", "positive" if total > 0 else "negative"


            rows = [review() for _ in range(N_TRAIN + N_TEST)]
            with open("train.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "review", "sentiment"])
                for k in range(N_TRAIN):
                    w.writerow([k, rows[k][0], rows[k][1]])
            with open("test.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "review"])
                for k in range(N_TRAIN, N_TRAIN + N_TEST):
                    w.writerow([k, rows[k][0]])
            with open("sample_submission.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "sentiment"])
                for k in range(N_TRAIN, N_TRAIN + N_TEST):
                    w.writerow([k, "positive"])
            with open(sys.argv[1], "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "sentiment"])
                for k in range(N_TRAIN, N_TRAIN + N_TEST):
                    w.writerow([k, rows[k][1]])
            """#,
        grade: #"""
            import csv
            import os
            import sys

            TARGET = "sentiment"
            CLASSES = ["positive", "negative"]


            def invalid(why):
                sys.stderr.write("invalid submission: " + why + "\n")
                sys.exit(2)


            def canonical_id(text):
                text = text.strip()
                if text.endswith(".0"):
                    text = text[:-2]
                try:
                    return str(int(text))
                except ValueError:
                    return text


            truth = {}
            with open(sys.argv[2], newline="") as f:
                for record in csv.DictReader(f):
                    truth[record["id"]] = record[TARGET]

            path = sys.argv[1]
            if not os.path.isfile(path):
                invalid("submission.csv not found (or not a regular file)")
            if os.path.getsize(path) > 50_000_000:
                invalid("the file is larger than 50 MB")
            predicted = {}
            try:
                with open(path, newline="", encoding="utf-8-sig") as f:
                    reader = csv.reader(f)
                    header = [cell.strip() for cell in next(reader, [])]
                    if sorted(header) != sorted(["id", TARGET]):
                        invalid(f"the header must be id,{TARGET} (found {','.join(header)[:80]!r})")
                    id_col, value_col = header.index("id"), header.index(TARGET)
                    for row in reader:
                        if not any(cell.strip() for cell in row):
                            continue
                        line = reader.line_num
                        if len(row) != 2:
                            invalid(f"line {line} has {len(row)} fields, expected 2")
                        key = canonical_id(row[id_col])
                        if key not in truth:
                            invalid(f"line {line}: unknown id {row[id_col][:40]!r}")
                        if key in predicted:
                            invalid(f"line {line}: duplicate id {key}")
                        value = row[value_col].strip().lower()
                        if value not in CLASSES:
                            invalid(f"line {line}: unknown sentiment {row[value_col][:40]!r} "
                                    f"(expected one of {', '.join(CLASSES)})")
                        predicted[key] = value
            except Exception as error:  # undecodable bytes, NUL bytes, oversized fields, ...
                invalid(f"unreadable CSV ({type(error).__name__}: {str(error)[:80]})")
            missing = [key for key in truth if key not in predicted]
            if missing:
                invalid(f"{len(missing)} test ids are missing (first: {missing[0]})")

            accuracy = sum(predicted[key] == label for key, label in truth.items()) / len(truth)
            print(f"{accuracy:.6f}")
            """#,
        higherIsBetter: true,
        medals: MLEMedals(baseline: 0.5, bronze: 0.6380, silver: 0.7242, gold: 0.7933,
                          reference: 0.845),
        reference: #"""
            import csv
            import re

            from sklearn.feature_extraction.text import TfidfVectorizer
            from sklearn.linear_model import LogisticRegression

            NEGATIONS = {"not", "isn't", "never", "nobody", "far", "no", "wasn't", "didn't"}


            def load(path):
                with open(path, newline="") as f:
                    return list(csv.DictReader(f))


            def scoped_tokens(text):
                """Words tagged with their sentence's context: negated, after "but", or a mere expectation."""
                tokens = []
                for sentence in re.split(r"[.:]", text.lower()):
                    words = sentence.split()
                    if not words:
                        continue
                    tag = ("N" if NEGATIONS & set(words) else "P") + ("B" if words[0] == "but" else "")
                    if words[:2] == ["i", "expected"]:
                        tag = "E"
                    tokens += [tag + "_" + w for w in words]
                    tokens += [tag + "_" + a + "_" + b for a, b in zip(words, words[1:])]
                return tokens


            train, test = load("train.csv"), load("test.csv")
            vectorizer = TfidfVectorizer(analyzer=scoped_tokens, min_df=2, sublinear_tf=True)
            x_train = vectorizer.fit_transform(r["review"] for r in train)
            x_test = vectorizer.transform(r["review"] for r in test)
            model = LogisticRegression(C=10.0, max_iter=3000).fit(x_train, [r["sentiment"] for r in train])
            pred = model.predict(x_test)
            with open("submission.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "sentiment"])
                for r, p in zip(test, pred):
                    w.writerow([r["id"], p])
            """#,
        baseline: #"""
            import csv
            from collections import Counter

            # The naive solution: every review gets the most common sentiment of the training set.
            with open("train.csv", newline="") as f:
                majority = Counter(r["sentiment"] for r in csv.DictReader(f)).most_common(1)[0][0]
            with open("test.csv", newline="") as f:
                ids = [r["id"] for r in csv.DictReader(f)]
            with open("submission.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "sentiment"])
                for i in ids:
                    w.writerow([i, majority])
            """#,
        humanMinutes: 120
    )

    /// Support ticket routing (text; macro-F1 over six topics, higher is better). Measured in the sandbox: baseline
    /// (majority topic) 0.0715; multinomial naive Bayes on word counts 0.5791 (bronze); logistic regression on TF-IDF
    /// word 1-2-grams 0.7678 (silver); reference (logistic regression on TF-IDF words and character n-grams of the
    /// subject and main sentences, side remarks ("also ...", "by the way ...") as separate features) 0.9803 (6.6
    /// CPU-s, 6.1 s wall). Lines at 40%, 65% and 85% of the way from baseline to reference, rounded to 4 decimals:
    /// bronze 0.4350, silver 0.6622, gold 0.8440; gold needs to tell the main problem from the side remarks ("also
    /// ...", "by the way ...").
    private static let ticketTopicText = MLECompetition(
        id: "ticket-topic-text",
        kind: "text",
        description: #"""
            # Support Ticket Routing

            An online shop's customer support receives thousands of e-mails a week, and each must be routed to the right
            team. Customers often write vague subjects, make typing errors, and mention more than one problem in the
            same message; the ticket belongs to the team that handles the problem the customer is writing about. Your
            task: predict each ticket's team.

            ## Data

            - `train.csv`: 5,000 tickets with the target `topic`, one of `billing`, `shipping`, `technical`, `account`,
              `returns`, `fraud` (as routed by the support agents, who occasionally get it wrong). The teams do not
              receive equally many tickets.
            - `test.csv`: 1,000 other tickets, columns `id`, `subject`, `body`.
            - `sample_submission.csv`: a submission in the right format (a constant guess).

            Columns: `id` (ticket id), `subject` (the e-mail's subject line), `body` (the e-mail text), `topic`.

            ## Evaluation

            Submissions are scored by the macro-averaged F1 score over the six topics. For each topic t, with TP the
            test tickets of topic t predicted as t, FP the tickets of another topic predicted as t and FN the tickets of
            topic t predicted as something else, F1(t) = 2·TP / (2·TP + FP + FN); the score is the unweighted mean of
            the six F1 values, so the small teams count as much as the large ones. Higher is better (1.0 is perfect).

            ## Submission format

            A CSV file `submission.csv` with the header `id,topic` and exactly one row for every id in `test.csv` (no
            other rows), the second column one of the six topics:

            ```
            id,topic
            5000,shipping
            5001,fraud
            ...
            ```

            The topics of the test tickets are hidden. Medals are awarded from the score.
            """#,
        generate: #"""
            import csv
            import random
            import sys

            rnd = random.Random(88123)
            N_TRAIN, N_TEST = 5000, 1000
            TOPICS = ["billing", "shipping", "technical", "account", "returns", "fraud"]
            PRIOR = [0.27, 0.24, 0.2, 0.13, 0.1, 0.06]

            SUBJECTS = {
                "billing": ["charged twice", "question about my invoice", "wrong amount on my bill",
                            "refund for double charge",
                            "subscription price went up", "payment declined but money taken", "invoice missing vat"],
                "shipping": ["where is my order", "package not arrived", "tracking not updating",
                             "delivery delayed again",
                             "parcel sent to wrong address", "courier never came", "shipping label problem"],
                "technical": ["app keeps crashing", "cannot sync my device", "error when uploading",
                              "website not loading",
                              "update broke the app", "bluetooth pairing fails", "screen freezes"],
                "account": ["cannot log in", "password reset not working", "change my email address", "delete my account",
                            "two factor code not received", "username already taken", "merge two accounts"],
                "returns": ["return request", "how do i return this", "return label not working", "refund after return",
                            "exchange for a different size", "item arrived damaged want to send back", "return window"],
                "fraud": ["unauthorized charge", "someone used my card", "suspicious login", "account hacked",
                          "phishing email pretending to be you", "order i did not place", "stolen card used"],
            }
            SENTENCES = {
                "billing": ["i was charged twice for the same {item}", "my invoice shows {money} instead of {money2}",
                            "the card payment failed but the money left my bank", "please refund the extra {money}",
                            "why did my monthly plan cost go up", "i need a corrected invoice with my company name",
                            "the discount code was not applied to the bill", "can you explain the fee on my statement",
                            "i paid by bank transfer and the invoice still says unpaid",
                            "the charge on my card is wrong"],
                "shipping": ["my {item} was supposed to arrive on {day}", "tracking has said in transit for {n} days",
                             "the courier marked it delivered but nothing came", "the package went to my old address",
                             "the parcel is stuck at the depot", "can you send it with express delivery",
                             "the delivery driver left it outside in the rain",
                             "the shipping label says the wrong postcode",
                             "order {order} still has not shipped", "the box never showed up at my door"],
                "technical": ["the app crashes every time i open settings", "i get error {code} when i upload a file",
                              "the {item} will not connect over bluetooth", "after the latest update the screen freezes",
                              "sync stopped working on my laptop", "the website shows a blank page in my browser",
                              "i reinstalled the app and it still fails", "the firmware update stops at {n} percent",
                              "notifications do not show up on my phone", "the device restarts on its own"],
                "account": ["i cannot log in even with the right password", "the password reset email never arrives",
                            "please change the email on my account to my new address", "i want to delete my account",
                            "the two factor code is not sent to my phone", "i have two accounts and want to merge them",
                            "my username is shown as already taken", "how do i update my profile name",
                            "i am locked out after too many attempts", "the login page says my account is disabled"],
                "returns": ["i want to return the {item} i bought on {day}", "the return label you sent does not scan",
                            "i sent the package back {n} days ago and have no refund yet",
                            "can i exchange it for a bigger size",
                            "the {item} arrived damaged and i want to send it back",
                            "is the item still inside the return window",
                            "the box for the return is too small", "do i need the original packaging to return it",
                            "i dropped the parcel at the post office for the return",
                            "please confirm you received my return"],
                "fraud": ["there is a charge on my card that i did not make",
                          "someone logged into my account from abroad",
                          "i got an email asking for my password that looked like yours",
                          "an order {order} i never placed",
                          "my card was stolen and used in your shop",
                          "the address on my account was changed by someone else",
                          "please block my account until this is sorted", "i see a login from a device i do not own",
                          "the charge of {money} was not me", "someone is using my saved card"],
            }
            SIDE_OPENERS = ["also", "by the way", "unrelated but", "another thing", "and separately", "while i am at it",
                            "one more thing", "ps", "oh and", "not the main issue but"]
            SYNONYMS = {"package": ["parcel", "box", "shipment"], "parcel": ["package", "box"], "app": ["application",
                                                                                                        "program"],
                        "charged": ["billed"], "charge": ["payment", "transaction"], "card": ["credit card",
                                                                                              "debit card"],
                        "refund": ["money back", "reimbursement"], "order": ["purchase"], "account": ["profile"],
                        "error": ["fault", "bug"], "return": ["send back"], "invoice": ["receipt", "bill"],
                        "courier": ["driver", "delivery guy"], "password": ["passcode", "login details"]}
            FILLER = ["please help", "this is urgent", "i have been a customer for years",
                      "this is the third time i write",
                      "i tried calling but nobody answered", "my order number is {order}", "i attached a screenshot",
                      "my name is {name}", "not happy at all"]
            CLOSINGS = ["thanks in advance", "kind regards", "hope you can sort this out quickly", "sent from my phone",
                        "thanks {name}", "cheers"]
            GREETINGS = ["hi", "hello", "dear support", "hello team", "hey", "good morning", ""]
            ITEMS = ["headphones", "jacket", "blender", "phone case", "lamp", "backpack", "watch", "printer", "shoes"]
            DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
            NAMES = ["anna", "marco", "li", "fatima", "john", "sofia", "kwame", "olga", "raj", "emma"]
            VAGUE = ["help needed", "problem with my order", "urgent issue", "question", "please read", "complaint",
                     "need assistance"]


            def fill(template):
                return template.format(item=rnd.choice(ITEMS), day=rnd.choice(DAYS), n=rnd.randint(2, 30),
                                       money=f"{rnd.randint(5, 400)} eur", money2=f"{rnd.randint(5, 400)} eur",
                                       order=f"#{rnd.randint(100000, 999999)}", code=f"E{rnd.randint(100, 999)}",
                                       name=rnd.choice(NAMES))


            def noisy(text):
                out = []
                for word in text.split():
                    if word in SYNONYMS and rnd.random() < 0.3:
                        word = rnd.choice(SYNONYMS[word])
                    if len(word) > 3 and rnd.random() < 0.07:
                        k = rnd.randrange(len(word))
                        word = word[:k] + word[k + 1:] if rnd.random() < 0.5 else word[:k] + word[k] + word[k:]
                    out.append(word)
                return " ".join(out)


            def ticket():
                topic = rnd.choices(TOPICS, weights=PRIOR)[0]
                subject = rnd.choice(VAGUE) if rnd.random() < 0.45 else rnd.choice(SUBJECTS[topic])
                sentences = [fill(s) for s in rnd.sample(SENTENCES[topic], rnd.choice([1, 1, 2, 2, 3]))]
                if rnd.random() < 0.7:  # side remarks about another topic, each flagged by an opener
                    other = rnd.choice([t for t in TOPICS if t != topic])
                    for side in rnd.sample(SENTENCES[other], rnd.choice([1, 2, 3, 3, 4])):
                        side = rnd.choice(SIDE_OPENERS) + " " + fill(side)
                        sentences.insert(rnd.randint(1, len(sentences)), side)
                for _ in range(rnd.choice([0, 1, 1, 2, 3])):
                    sentences.insert(rnd.randint(0, len(sentences)), fill(rnd.choice(FILLER)))
                if rnd.random() < 0.5:
                    sentences.append(fill(rnd.choice(CLOSINGS)))
                greeting = rnd.choice(GREETINGS)
                body = (greeting + " " if greeting else "") + ". ".join(sentences) + "."
                if rnd.random() < 0.1:
                    body = body.upper()
                if rnd.random() < 0.02:  # mislabelled by the agent who routed it
                    topic = rnd.choice(TOPICS)
                return noisy(subject), noisy(body), topic


            rows = [ticket() for _ in range(N_TRAIN + N_TEST)]
            with open("train.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "subject", "body", "topic"])
                for k in range(N_TRAIN):
                    w.writerow([k] + list(rows[k]))
            with open("test.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "subject", "body"])
                for k in range(N_TRAIN, N_TRAIN + N_TEST):
                    w.writerow([k] + list(rows[k][:2]))
            with open("sample_submission.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "topic"])
                for k in range(N_TRAIN, N_TRAIN + N_TEST):
                    w.writerow([k, "billing"])
            with open(sys.argv[1], "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "topic"])
                for k in range(N_TRAIN, N_TRAIN + N_TEST):
                    w.writerow([k, rows[k][2]])
            """#,
        grade: #"""
            import csv
            import os
            import sys

            import numpy as np

            TARGET = "topic"
            CLASSES = ["billing", "shipping", "technical", "account", "returns", "fraud"]


            def invalid(why):
                sys.stderr.write("invalid submission: " + why + "\n")
                sys.exit(2)


            def canonical_id(text):
                text = text.strip()
                if text.endswith(".0"):
                    text = text[:-2]
                try:
                    return str(int(text))
                except ValueError:
                    return text


            truth = {}
            with open(sys.argv[2], newline="") as f:
                for record in csv.DictReader(f):
                    truth[record["id"]] = record[TARGET]

            path = sys.argv[1]
            if not os.path.isfile(path):
                invalid("submission.csv not found (or not a regular file)")
            if os.path.getsize(path) > 50_000_000:
                invalid("the file is larger than 50 MB")
            predicted = {}
            try:
                with open(path, newline="", encoding="utf-8-sig") as f:
                    reader = csv.reader(f)
                    header = [cell.strip() for cell in next(reader, [])]
                    if sorted(header) != sorted(["id", TARGET]):
                        invalid(f"the header must be id,{TARGET} (found {','.join(header)[:80]!r})")
                    id_col, value_col = header.index("id"), header.index(TARGET)
                    for row in reader:
                        if not any(cell.strip() for cell in row):
                            continue
                        line = reader.line_num
                        if len(row) != 2:
                            invalid(f"line {line} has {len(row)} fields, expected 2")
                        key = canonical_id(row[id_col])
                        if key not in truth:
                            invalid(f"line {line}: unknown id {row[id_col][:40]!r}")
                        if key in predicted:
                            invalid(f"line {line}: duplicate id {key}")
                        value = row[value_col].strip().lower()
                        if value not in CLASSES:
                            invalid(f"line {line}: unknown topic {row[value_col][:40]!r} "
                                    f"(expected one of {', '.join(CLASSES)})")
                        predicted[key] = value
            except Exception as error:  # undecodable bytes, NUL bytes, oversized fields, ...
                invalid(f"unreadable CSV ({type(error).__name__}: {str(error)[:80]})")
            missing = [key for key in truth if key not in predicted]
            if missing:
                invalid(f"{len(missing)} test ids are missing (first: {missing[0]})")

            ids = list(truth)
            y = np.array([truth[key] for key in ids])
            prediction = np.array([predicted[key] for key in ids])
            # Macro-averaged F1: the unweighted mean over the six topics of 2TP / (2TP + FP + FN).
            f1 = []
            for topic in CLASSES:
                tp = np.sum((prediction == topic) & (y == topic))
                fp = np.sum((prediction == topic) & (y != topic))
                fn = np.sum((prediction != topic) & (y == topic))
                f1.append(2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0)
            print(f"{np.mean(f1):.6f}")
            """#,
        higherIsBetter: true,
        medals: MLEMedals(baseline: 0.071485, bronze: 0.4350, silver: 0.6622, gold: 0.8440,
                          reference: 0.980347),
        reference: #"""
            import csv
            import re

            from scipy.sparse import hstack
            from sklearn.feature_extraction.text import TfidfVectorizer
            from sklearn.linear_model import LogisticRegression

            # Sentences opening like these are side remarks about another topic.
            SIDE = re.compile(r"^(also|by the way|unrelated but|another thing|and separately|while i am at it|"
                              r"one more thing|ps|oh and|not the main issue but)\b")


            def load(path):
                with open(path, newline="") as f:
                    return list(csv.DictReader(f))


            def split(row):
                """(subject and main sentences, side remarks), lower-cased."""
                main, side = [row["subject"].lower()], []
                for sentence in row["body"].lower().split(". "):
                    (side if SIDE.match(sentence.strip()) else main).append(sentence)
                return " . ".join(main), " . ".join(side)


            train, test = load("train.csv"), load("test.csv")
            parts_train, parts_test = [split(r) for r in train], [split(r) for r in test]
            vectorizers = [
                (0, TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)),
                (0, TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=3, sublinear_tf=True,
                                    max_features=60000)),
                (1, TfidfVectorizer(ngram_range=(1, 1), min_df=2, sublinear_tf=True)),
            ]
            x_train = hstack([v.fit_transform(p[k] for p in parts_train) for k, v in vectorizers]).tocsr()
            x_test = hstack([v.transform(p[k] for p in parts_test) for k, v in vectorizers]).tocsr()
            model = LogisticRegression(C=10.0, max_iter=3000).fit(x_train, [r["topic"] for r in train])
            pred = model.predict(x_test)
            with open("submission.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "topic"])
                for r, p in zip(test, pred):
                    w.writerow([r["id"], p])
            """#,
        baseline: #"""
            import csv
            from collections import Counter

            # The naive solution: every ticket gets the most common topic of the training set.
            with open("train.csv", newline="") as f:
                majority = Counter(r["topic"] for r in csv.DictReader(f)).most_common(1)[0][0]
            with open("test.csv", newline="") as f:
                ids = [r["id"] for r in csv.DictReader(f)]
            with open("submission.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "topic"])
                for i in ids:
                    w.writerow([i, majority])
            """#,
        humanMinutes: 90
    )

    /// SMS spam (text; log loss, lower is better). Measured in the sandbox: baseline (constant training spam rate)
    /// 0.6167; multinomial naive Bayes on word counts 0.5223 (no medal); logistic regression on TF-IDF word 1-2-grams
    /// 0.2154 (silver); reference (logistic regression on TF-IDF words and character 2-5-grams, C chosen by
    /// cross-validated log loss) 0.0748 (6.2 CPU-s, 12.2 s wall). Lines at 40%, 65% and 85% of the way from baseline
    /// to reference, rounded to 4 decimals: bronze 0.4000, silver 0.2645, gold 0.1561; gold needs character n-grams
    /// (phone numbers 07... genuine, 09... and 087... premium; respelt words) and calibrated probabilities; naive
    /// Bayes is overconfident.
    private static let spamText = MLECompetition(
        id: "spam-text",
        kind: "text",
        description: #"""
            # SMS Spam Filter

            A mobile carrier wants to warn its customers about spam and scam text messages. A warning is shown when the
            predicted probability of spam is high, so the probabilities must be honest. Spammers disguise their words,
            and genuine messages from friends, shops and banks can look a lot like scams. Your task: predict the
            probability that each message is spam.

            ## Data

            - `train.csv`: 5,000 messages with the target `spam` (1 = spam or scam, 0 = genuine), as reported by the
              recipients (a few reports are wrong).
            - `test.csv`: 1,000 other messages, columns `id` and `message`.
            - `sample_submission.csv`: a submission in the right format (a constant guess).

            Columns: `id` (message id), `message` (the text as received), `spam`.

            ## Evaluation

            Submissions are scored by the log loss (binary cross-entropy) between your predicted probabilities p and the
            true labels y of the test messages:

            log loss = -(1/N) * sum over test messages of [ y·ln(p) + (1 - y)·ln(1 - p) ]

            Each probability must lie between 0 and 1; before scoring it is clipped to [1e-15, 1 - 1e-15]. Lower is
            better. A confident wrong prediction is very expensive.

            ## Submission format

            A CSV file `submission.csv` with the header `id,spam` and exactly one row for every id in `test.csv` (no
            other rows), the second column the predicted probability of spam:

            ```
            id,spam
            5000,0.02
            5001,0.97
            ...
            ```

            The labels of the test messages are hidden. Medals are awarded from the score.
            """#,
        generate: #"""
            import csv
            import random
            import sys

            rnd = random.Random(26055)
            N_TRAIN, N_TEST = 5000, 1000

            NAMES = ["sam", "mia", "tom", "lena", "omar", "jess", "ravi", "kate", "ben", "nora", "alex", "zoe"]
            PLACES = ["the station", "the cafe", "work", "the gym", "your place", "the cinema", "the park", "school"]
            TIMES = ["7", "half 6", "8pm", "noon", "tomorrow", "tonight", "after work", "10 tomorrow morning",
                     "the weekend"]
            BRANDS = ["paypal", "amazon", "royalmail", "netflix", "apple", "hsbc", "dhl", "ebay"]
            HAM = [
                "are we still on for {time}", "can you pick up milk on the way home", "running late, see you at {place}",
                "did you win the game on saturday", "are you free {time}? fancy a coffee",
                "meeting moved to {time}, same room",
                "please review the doc before {time}: {good}", "happy birthday {name}! hope you have a great day",
                "your {brand} order {order} has shipped, track it at {good}",
                "your verification code is {code}. do not share it",
                "dinner is at {time}, bring {name}", "i left my keys at {place}, can you check", "lol that was hilarious",
                "thanks for the lift today", "can u call me when ur free", "got the tickets! we're in row {n}",
                "the kids won a prize at school today", "photos from the trip are here {good}",
                "i'll be at {place} at {time}",
                "did you get my email about the rent", "free tonight? the match starts at {time}",
                "your appointment with dr {name} is confirmed for {time}", "ok see you there",
                "no worries, take your time",
                "pls bring the charger, mine died", "call me back urgent, its about {name}",
                "we won!!! {n}-{n2} final score",
                "your {brand} payment of {money} was approved", "where are you? we're at {place}",
                "call me on {mobile} when you land", "new phone! my number is now {mobile}", "the door code is {code}",
                "you won the office raffle, collect your prize from {name} at reception",
                "claim your seat early, it fills up",
                "your parcel could not be delivered today, rebook at {good}",
                "hi mum, lost my phone at {place}, call me on {mobile}",
                "urgent: can you cover my shift {time}?", "the gym has a free trial week, want to come",
            ]
            SPAM = [
                "congratulations! you have won a {money} gift card. claim now at {bad}",
                "urgent: your {brand} account has been suspended. verify your details at {bad}",
                "you are a winner! txt WIN to {short} to claim your prize",
                "free entry into our weekly draw. reply yes to {short}",
                "get a loan of up to {money} today, no credit check. apply {bad}",
                "cheap meds delivered discreetly at {bad}",
                "double your bitcoin in 24 hours, join now {bad}",
                "final notice: unpaid parcel fee of {money}. pay here {bad}",
                "your number was selected for a cash prize of {money}! call {premium} now",
                "exclusive offer: 90% off everything today only {bad}",
                "hi mum, i lost my phone, this is my new number. send {money} asap",
                "your parcel could not be delivered. rebook at {bad}",
                "you have a refund of {money} waiting. claim at {bad}",
                "dear customer your bank card is locked, call {premium} to unlock",
                "last chance! claim your free spins {bad}",
                "earn {money} a week from home, text JOB to {short}",
                "call {premium} to hear a private message from a friend",
                "your {brand} order {order} is on hold, confirm payment at {bad}",
                "you won the raffle! collect your prize on {premium}",
            ]
            # Messages both real contacts and spammers send: only the number or the link tells them apart.
            TWINS = ["missed call from {num}, please call back", "call {num} about your delivery",
                     "your parcel could not be delivered today, rebook at {link}", "you have a new voicemail, call {num}",
                     "reminder: your appointment is tomorrow, to change it call {num}", "see the photos here {link}",
                     "your statement is ready: {link}", "it's me, new number {num}, save it", "here is the form {link}",
                     "the prize draw results are out, details on {num}", "ring me on {num} when you get this"]
            LEET = {"a": ["4", "@"], "e": ["3"], "i": ["1", "!"], "o": ["0"], "s": ["$", "5"], "l": ["1"]}
            BAD_TLDS = ["top", "xyz", "click", "info", "biz", "live", "icu"]


            def random_code(length):
                return "".join(rnd.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(length))


            def mobile():
                return f"07{rnd.randint(100000000, 999999999)}"


            def premium():
                return rnd.choice(["09", "087"]) + str(rnd.randint(10000000, 99999999)) + rnd.choice(["", "1"])


            def bad_link():
                brand = rnd.choice(BRANDS)
                brand = "".join(rnd.choice(LEET[ch]) if ch in LEET and rnd.random() < 0.3 else ch for ch in brand)
                word = rnd.choice(["secure", "verify", "login", "help", "refund", "update", "claim"])
                host = rnd.choice([f"{brand}-{word}", f"{word}-{brand}", f"{brand}{rnd.randint(1, 99)}", random_code(5)])
                return f"{host}.{rnd.choice(BAD_TLDS + ['com', 'net'])}/{random_code(5)}"


            def good_link():
                host = rnd.choice(BRANDS + ["docs", "photos", "school", "maps"])
                return f"{host}.{rnd.choice(['com', 'co.uk', 'org'])}/{random_code(6)}"


            def fill(template):
                return template.format(
                    name=rnd.choice(NAMES), place=rnd.choice(PLACES), time=rnd.choice(TIMES), n=rnd.randint(1, 9),
                    n2=rnd.randint(0, 5), order=f"#{rnd.randint(10000, 99999)}", code=f"{rnd.randint(1000, 999999)}",
                    good=good_link(), bad=bad_link(), brand=rnd.choice(BRANDS), mobile=mobile(), premium=premium(),
                    money=rnd.choice(["£", "$", "€"]) + str(rnd.choice([50, 100, 250, 500, 1000, 2000, 5000])),
                    short=str(rnd.randint(60000, 89999)))


            def disguise(word):
                """Spammers respell words to slip past filters."""
                if len(word) > 2 and rnd.random() < 0.3:
                    return "".join(rnd.choice(LEET[ch]) if ch in LEET and rnd.random() < 0.5 else ch for ch in word)
                return word


            def message(spam):
                if rnd.random() < 0.4:
                    twin = rnd.choice(TWINS)
                    return twin.format(num=premium() if spam else mobile(), link=bad_link() if spam else good_link())
                text = fill(rnd.choice(SPAM if spam else HAM))
                if spam:
                    text = " ".join(disguise(w) for w in text.split())
                    if rnd.random() < 0.3:
                        text += rnd.choice(["!!!", " !!", " :)", " txt STOP to opt out", " t&c apply"])
                    if rnd.random() < 0.2:
                        text = text.upper()
                else:
                    if rnd.random() < 0.3:  # a second line in the same chat
                        text += rnd.choice([". ", " ", ", "]) + fill(rnd.choice(HAM))
                    if rnd.random() < 0.15:
                        text += rnd.choice([" x", " xx", " :)", " haha", "!!", " ok?"])
                if rnd.random() < 0.1:
                    text = text.capitalize()
                return text


            rows = []
            for _ in range(N_TRAIN + N_TEST):
                spam = rnd.random() < 0.3
                text = message(spam)
                if rnd.random() < 0.01:  # the user's own report is wrong sometimes
                    spam = not spam
                rows.append((text, int(spam)))
            with open("train.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "message", "spam"])
                for k in range(N_TRAIN):
                    w.writerow([k, rows[k][0], rows[k][1]])
            with open("test.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "message"])
                for k in range(N_TRAIN, N_TRAIN + N_TEST):
                    w.writerow([k, rows[k][0]])
            with open("sample_submission.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "spam"])
                for k in range(N_TRAIN, N_TRAIN + N_TEST):
                    w.writerow([k, "0.3"])
            with open(sys.argv[1], "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "spam"])
                for k in range(N_TRAIN, N_TRAIN + N_TEST):
                    w.writerow([k, rows[k][1]])
            """#,
        grade: #"""
            import csv
            import os
            import sys

            import numpy as np

            TARGET = "spam"


            def invalid(why):
                sys.stderr.write("invalid submission: " + why + "\n")
                sys.exit(2)


            def canonical_id(text):
                text = text.strip()
                if text.endswith(".0"):
                    text = text[:-2]
                try:
                    return str(int(text))
                except ValueError:
                    return text


            truth = {}
            with open(sys.argv[2], newline="") as f:
                for record in csv.DictReader(f):
                    truth[record["id"]] = int(record[TARGET])

            path = sys.argv[1]
            if not os.path.isfile(path):
                invalid("submission.csv not found (or not a regular file)")
            if os.path.getsize(path) > 50_000_000:
                invalid("the file is larger than 50 MB")
            predicted = {}
            try:
                with open(path, newline="", encoding="utf-8-sig") as f:
                    reader = csv.reader(f)
                    header = [cell.strip() for cell in next(reader, [])]
                    if sorted(header) != sorted(["id", TARGET]):
                        invalid(f"the header must be id,{TARGET} (found {','.join(header)[:80]!r})")
                    id_col, value_col = header.index("id"), header.index(TARGET)
                    for row in reader:
                        if not any(cell.strip() for cell in row):
                            continue
                        line = reader.line_num
                        if len(row) != 2:
                            invalid(f"line {line} has {len(row)} fields, expected 2")
                        key = canonical_id(row[id_col])
                        if key not in truth:
                            invalid(f"line {line}: unknown id {row[id_col][:40]!r}")
                        if key in predicted:
                            invalid(f"line {line}: duplicate id {key}")
                        try:
                            value = float(row[value_col])
                        except ValueError:
                            invalid(f"line {line}: {TARGET} is not a number ({row[value_col][:40]!r})")
                        if not 0.0 <= value <= 1.0:
                            invalid(f"line {line}: {TARGET} must be a probability between 0 and 1")
                        predicted[key] = value
            except Exception as error:  # undecodable bytes, NUL bytes, oversized fields, ...
                invalid(f"unreadable CSV ({type(error).__name__}: {str(error)[:80]})")
            missing = [key for key in truth if key not in predicted]
            if missing:
                invalid(f"{len(missing)} test ids are missing (first: {missing[0]})")

            ids = list(truth)
            y = np.array([truth[key] for key in ids], dtype=float)
            p = np.clip(np.array([predicted[key] for key in ids], dtype=float), 1e-15, 1 - 1e-15)
            log_loss = float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
            print(f"{log_loss:.6f}")
            """#,
        higherIsBetter: false,
        medals: MLEMedals(baseline: 0.61671, bronze: 0.4000, silver: 0.2645, gold: 0.1561,
                          reference: 0.074847),
        reference: #"""
            import csv

            import numpy as np
            from scipy.sparse import hstack
            from sklearn.feature_extraction.text import TfidfVectorizer
            from sklearn.linear_model import LogisticRegression
            from sklearn.model_selection import cross_val_predict


            def load(path):
                with open(path, newline="") as f:
                    return list(csv.DictReader(f))


            train, test = load("train.csv"), load("test.csv")
            y = np.array([int(r["spam"]) for r in train])
            words = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, token_pattern=r"[^\s]+")
            chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=3, sublinear_tf=True, lowercase=False)
            text_train, text_test = [r["message"] for r in train], [r["message"] for r in test]
            x_train = hstack([words.fit_transform(text_train), chars.fit_transform(text_train)]).tocsr()
            x_test = hstack([words.transform(text_test), chars.transform(text_test)]).tocsr()
            # Pick the regularisation by cross-validated log loss: the labels are noisy, so overconfidence is expensive.
            best = None
            for c in [0.3, 1.0, 3.0, 10.0]:
                p = cross_val_predict(LogisticRegression(C=c, max_iter=3000), x_train, y, cv=4,
                                      method="predict_proba")[:, 1]
                p = np.clip(p, 1e-6, 1 - 1e-6)
                loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
                if best is None or loss < best[0]:
                    best = (loss, c)
            model = LogisticRegression(C=best[1], max_iter=3000).fit(x_train, y)
            probs = model.predict_proba(x_test)[:, 1]
            with open("submission.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "spam"])
                for r, p in zip(test, probs):
                    w.writerow([r["id"], f"{p:.6f}"])
            """#,
        baseline: #"""
            import csv

            # The naive solution: every message gets the training share of spam.
            with open("train.csv", newline="") as f:
                labels = [int(r["spam"]) for r in csv.DictReader(f)]
            rate = sum(labels) / len(labels)
            with open("test.csv", newline="") as f:
                ids = [r["id"] for r in csv.DictReader(f)]
            with open("submission.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "spam"])
                for i in ids:
                    w.writerow([i, f"{rate:.6f}"])
            """#,
        humanMinutes: 90
    )

    /// Job advert salary (text; MAE (GBP), lower is better). Measured in the sandbox: baseline (median training
    /// salary) 19374; ridge regression on TF-IDF of title, description, location and contract, salary in GBP 8200
    /// (silver); reference (ridge regression on log salary: TF-IDF of title and description apart, one-hot location,
    /// contract and company, years of experience parsed from the text) 4240 (1.2 CPU-s, 0.9 s wall). Lines at 40%,
    /// 65% and 85% of the way from baseline to reference, rounded to the nearest 10: bronze 13320, silver 9540, gold
    /// 6510; gold needs a log target (pay is multiplicative), the employer and the years of experience in the text.
    private static let jobSalaryText = MLECompetition(
        id: "job-salary-text",
        kind: "text",
        description: #"""
            # Job Advert Salary

            A job board wants to show a salary estimate on adverts that do not state one. Your task: predict the
            advertised yearly salary (GBP) of a job from its advert: the title, the free-text description, the location,
            the contract and the employer.

            ## Data

            - `train.csv`: 5,000 adverts with the target `salary` (yearly, GBP; for part-time jobs the actual yearly
              pay, for contracts the yearly equivalent of the rate).
            - `test.csv`: 1,000 other adverts, the same columns without `salary`.
            - `sample_submission.csv`: a submission in the right format (a constant guess).

            Columns:

            - `id`: advert id.
            - `title`: the advert's title (some are not very informative).
            - `description`: the advert's text.
            - `location`: the city, or `remote`.
            - `contract`: `permanent`, `contract` or `part_time`.
            - `company`: the employer's id (`C001` to `C150`).

            ## Evaluation

            Submissions are scored by the mean absolute error between your predicted and the actual salaries of the test
            adverts:

            MAE = (1/N) * sum over test adverts of |predicted_salary - actual_salary|

            Lower is better.

            ## Submission format

            A CSV file `submission.csv` with the header `id,salary` and exactly one row for every id in `test.csv` (no
            other rows), the second column the predicted salary:

            ```
            id,salary
            5000,41500
            5001,28750
            ...
            ```

            The salaries of the test adverts are hidden. Medals are awarded from the score.
            """#,
        generate: #"""
            import csv
            import math
            import random
            import sys

            rnd = random.Random(31337)
            N_TRAIN, N_TEST = 5000, 1000

            # family: (base salary, title words, duty sentences, premium skills with their uplift)
            FAMILIES = {
                "software": (52000, ["software developer", "software engineer", "backend developer", "python developer"],
                             ["build and maintain web services", "write clean tested code", "review pull requests",
                              "work in an agile team", "design apis for our platform", "fix production issues"],
                             {"kubernetes": 0.08, "machine learning": 0.12, "rust": 0.07, "aws": 0.05}),
                "data": (45000, ["data analyst", "bi analyst", "data scientist", "analytics specialist"],
                         ["build dashboards for the business", "analyse customer data", "write sql queries",
                          "present insights to stakeholders", "clean and model data", "run a/b tests"],
                         {"machine learning": 0.12, "python": 0.05, "spark": 0.07, "statistics phd": 0.1}),
                "nursing": (33000, ["staff nurse", "registered nurse", "ward nurse", "community nurse"],
                            ["care for patients on a busy ward", "administer medication", "work night shifts on rotation",
                             "support families and carers", "keep accurate patient records",
                             "work with doctors and therapists"],
                            {"icu experience": 0.09, "theatre experience": 0.06, "mentorship qualification": 0.04}),
                "teaching": (34000, ["maths teacher", "science teacher", "primary teacher", "english teacher"],
                             ["plan and deliver lessons", "mark homework and exams",
                              "support pupils with additional needs",
                              "lead a form group", "communicate with parents", "run after school clubs"],
                             {"head of department experience": 0.1, "send qualification": 0.05, "qts": 0.04}),
                "finance": (42000, ["accountant", "management accountant", "financial analyst", "finance officer"],
                            ["prepare monthly management accounts", "reconcile ledgers", "support the year end audit",
                             "forecast cash flow", "process supplier payments", "prepare vat returns"],
                            {"aca qualified": 0.12, "cima qualified": 0.1, "ifrs": 0.05, "sap": 0.04}),
                "sales": (30000, ["sales executive", "account manager", "business development executive",
                                  "sales consultant"],
                          ["win new clients", "manage a portfolio of accounts", "hit monthly targets",
                           "attend trade shows",
                           "negotiate contracts", "make outbound calls"],
                          {"uncapped commission": 0.15, "saas sales experience": 0.1, "full uk driving licence": 0.02}),
                "warehouse": (23000, ["warehouse operative", "picker packer", "forklift driver", "stock controller"],
                              ["pick and pack orders", "load and unload lorries", "keep the warehouse tidy",
                               "count stock",
                               "work early and late shifts", "scan goods in and out"],
                              {"forklift licence": 0.08, "hgv licence": 0.15, "night shift allowance": 0.06}),
                "hospitality": (24000, ["chef", "sous chef", "line cook", "kitchen supervisor"],
                                ["prepare fresh food to a high standard", "manage kitchen stock",
                                 "keep food safety records",
                                 "work weekends", "train junior kitchen staff", "create seasonal menus"],
                                {"rosette kitchen experience": 0.1, "food hygiene level 3": 0.03, "michelin": 0.15}),
                "engineering": (38000, ["electrician", "maintenance engineer", "electrical engineer",
                                        "field service engineer"],
                                ["install and repair electrical systems", "carry out planned maintenance",
                                 "diagnose faults",
                                 "work to health and safety standards", "travel to client sites", "complete job sheets"],
                                {"18th edition": 0.06, "plc programming": 0.09, "chartered engineer": 0.12}),
                "management": (60000, ["project manager", "programme manager", "operations manager", "product manager"],
                               ["own the delivery plan", "manage budgets and risks", "lead cross functional teams",
                                "report to the board", "improve processes", "manage suppliers"],
                               {"prince2": 0.05, "mba": 0.1, "pmp": 0.05, "agile certification": 0.04}),
            }
            SENIORITY = [("trainee ", 0.7, 0.08), ("junior ", 0.8, 0.15), ("", 1.0, 0.4), ("senior ", 1.25, 0.22),
                         ("lead ", 1.45, 0.1), ("head of ", 1.8, 0.05)]
            LOCATIONS = {"london": 1.22, "manchester": 1.0, "leeds": 0.97, "bristol": 1.04, "edinburgh": 1.02,
                         "cardiff": 0.94, "birmingham": 0.99, "newcastle": 0.93, "cambridge": 1.1, "remote": 1.03}
            CONTRACTS = {"permanent": 1.0, "contract": 1.18, "part_time": 0.55}
            BOILERPLATE = ["we are an equal opportunities employer", "competitive salary and benefits",
                           "join a friendly and growing team", "apply today with your cv", "flexible working available",
                           "free parking on site", "great career progression", "25 days holiday plus bank holidays",
                           "pension scheme and cycle to work", "we look forward to hearing from you"]
            VAGUE_TITLES = ["exciting opportunity", "immediate start", "join our team", "great role available"]
            COMPANIES = [f"C{k:03d}" for k in range(1, 151)]
            COMPANY_EFFECT = {c: rnd.gauss(0, 0.12) for c in COMPANIES}


            DEPARTMENTS = {"software": "software development", "data": "analytics", "nursing": "nursing",
                           "teaching": "science",
                           "finance": "finance", "sales": "sales", "warehouse": "warehouse operations",
                           "hospitality": "kitchen",
                           "engineering": "maintenance", "management": "delivery"}


            def advert():
                family = rnd.choice(list(FAMILIES))
                base, titles, duties, skills = FAMILIES[family]
                prefix, level, _ = rnd.choices(SENIORITY, weights=[s[2] for s in SENIORITY])[0]
                location = rnd.choices(list(LOCATIONS), weights=[3, 2, 1, 1, 1, 1, 1, 1, 1, 2])[0]
                contract = rnd.choices(list(CONTRACTS), weights=[0.75, 0.12, 0.13])[0]
                company = rnd.choice(COMPANIES)
                years = max(0, round(rnd.gauss({0.7: 0, 0.8: 1, 1.0: 3, 1.25: 5, 1.45: 7, 1.8: 9}[level], 1.5)))
                salary = base * level * LOCATIONS[location] * CONTRACTS[contract] * math.exp(COMPANY_EFFECT[company])
                salary *= 1 + 0.025 * years
                sentences = rnd.sample(duties, rnd.randint(2, 4))
                for skill, uplift in skills.items():
                    if rnd.random() < 0.25:
                        sentences.append(rnd.choice(["{s} is essential", "{s} required", "experience with {s} is a plus",
                                                     "you will have {s}"]).format(s=skill))
                        salary *= 1 + uplift
                if years > 0:
                    sentences.append(rnd.choice(["at least {y} experience", "{y}+ in a similar role",
                                                 "minimum {y} of relevant experience"]).format(
                        y=f"{years} year" if years == 1 else f"{years} years"))
                for _ in range(rnd.randint(1, 3)):
                    sentences.insert(rnd.randint(0, len(sentences)), rnd.choice(BOILERPLATE))
                title = "head of " + DEPARTMENTS[family] if prefix == "head of " else prefix + rnd.choice(titles)
                if rnd.random() < 0.15:
                    sentences.insert(0, f"we are hiring: {title}")
                    title = rnd.choice(VAGUE_TITLES)
                elif rnd.random() < 0.3:
                    title = title.title()
                salary *= math.exp(rnd.gauss(0, 0.08))
                return [title, ". ".join(sentences) + ".", location, contract, company], round(salary / 100) * 100


            rows = [advert() for _ in range(N_TRAIN + N_TEST)]
            columns = ["title", "description", "location", "contract", "company"]
            with open("train.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id"] + columns + ["salary"])
                for k in range(N_TRAIN):
                    w.writerow([k] + rows[k][0] + [rows[k][1]])
            with open("test.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id"] + columns)
                for k in range(N_TRAIN, N_TRAIN + N_TEST):
                    w.writerow([k] + rows[k][0])
            with open("sample_submission.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "salary"])
                for k in range(N_TRAIN, N_TRAIN + N_TEST):
                    w.writerow([k, "35000"])
            with open(sys.argv[1], "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "salary"])
                for k in range(N_TRAIN, N_TRAIN + N_TEST):
                    w.writerow([k, rows[k][1]])
            """#,
        grade: #"""
            import csv
            import math
            import os
            import sys

            import numpy as np

            TARGET = "salary"


            def invalid(why):
                sys.stderr.write("invalid submission: " + why + "\n")
                sys.exit(2)


            def canonical_id(text):
                text = text.strip()
                if text.endswith(".0"):
                    text = text[:-2]
                try:
                    return str(int(text))
                except ValueError:
                    return text


            truth = {}
            with open(sys.argv[2], newline="") as f:
                for record in csv.DictReader(f):
                    truth[record["id"]] = float(record[TARGET])

            path = sys.argv[1]
            if not os.path.isfile(path):
                invalid("submission.csv not found (or not a regular file)")
            if os.path.getsize(path) > 50_000_000:
                invalid("the file is larger than 50 MB")
            predicted = {}
            try:
                with open(path, newline="", encoding="utf-8-sig") as f:
                    reader = csv.reader(f)
                    header = [cell.strip() for cell in next(reader, [])]
                    if sorted(header) != sorted(["id", TARGET]):
                        invalid(f"the header must be id,{TARGET} (found {','.join(header)[:80]!r})")
                    id_col, value_col = header.index("id"), header.index(TARGET)
                    for row in reader:
                        if not any(cell.strip() for cell in row):
                            continue
                        line = reader.line_num
                        if len(row) != 2:
                            invalid(f"line {line} has {len(row)} fields, expected 2")
                        key = canonical_id(row[id_col])
                        if key not in truth:
                            invalid(f"line {line}: unknown id {row[id_col][:40]!r}")
                        if key in predicted:
                            invalid(f"line {line}: duplicate id {key}")
                        try:
                            value = float(row[value_col])
                        except ValueError:
                            invalid(f"line {line}: {TARGET} is not a number ({row[value_col][:40]!r})")
                        if not math.isfinite(value):
                            invalid(f"line {line}: {TARGET} is not finite")
                        predicted[key] = value
            except Exception as error:  # undecodable bytes, NUL bytes, oversized fields, ...
                invalid(f"unreadable CSV ({type(error).__name__}: {str(error)[:80]})")
            missing = [key for key in truth if key not in predicted]
            if missing:
                invalid(f"{len(missing)} test ids are missing (first: {missing[0]})")

            ids = list(truth)
            y = np.array([truth[key] for key in ids])
            prediction = np.array([predicted[key] for key in ids])
            errors = np.abs(prediction - y)
            scale = max(float(errors.max()), 1.0)  # keeps absurdly large predictions finite instead of overflowing
            mae = scale * float(np.mean(errors / scale))
            print(f"{mae:.6f}")
            """#,
        higherIsBetter: false,
        medals: MLEMedals(baseline: 19373.8, bronze: 13320, silver: 9540, gold: 6510,
                          reference: 4239.838),
        reference: #"""
            import csv
            import re

            import numpy as np
            from scipy.sparse import csr_matrix, hstack
            from sklearn.feature_extraction.text import TfidfVectorizer
            from sklearn.linear_model import Ridge
            from sklearn.preprocessing import OneHotEncoder


            def load(path):
                with open(path, newline="") as f:
                    return list(csv.DictReader(f))


            def years(r):
                found = re.findall(r"(\d+)\+? years?", r["description"])
                return float(found[0]) if found else 0.0


            train, test = load("train.csv"), load("test.csv")
            title = TfidfVectorizer(ngram_range=(1, 3), min_df=2, sublinear_tf=True)
            description = TfidfVectorizer(ngram_range=(1, 3), min_df=2, sublinear_tf=True)
            categories = OneHotEncoder(handle_unknown="ignore")


            def features(rows, fit):
                titles = [r["title"] for r in rows]
                texts = [r["description"] for r in rows]
                cats = [[r["location"], r["contract"], r["company"]] for r in rows]
                numbers = csr_matrix(np.array([[years(r) / 10.0] for r in rows]))
                if fit:
                    return hstack([title.fit_transform(titles), description.fit_transform(texts),
                                   categories.fit_transform(cats),
                                   numbers]).tocsr()
                return hstack([title.transform(titles), description.transform(texts), categories.transform(cats),
                               numbers]).tocsr()


            # Pay is multiplicative (role x seniority x place x skills), so the model is additive in log salary.
            x_train, x_test = features(train, True), features(test, False)
            model = Ridge(alpha=0.3).fit(x_train, np.log([float(r["salary"]) for r in train]))
            pred = np.exp(model.predict(x_test))
            with open("submission.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "salary"])
                for r, p in zip(test, pred):
                    w.writerow([r["id"], f"{p:.0f}"])
            """#,
        baseline: #"""
            import csv
            import statistics

            # The naive solution: every advert gets the median training salary (the best constant for MAE).
            with open("train.csv", newline="") as f:
                median = statistics.median(float(r["salary"]) for r in csv.DictReader(f))
            with open("test.csv", newline="") as f:
                ids = [r["id"] for r in csv.DictReader(f)]
            with open("submission.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["id", "salary"])
                for i in ids:
                    w.writerow([i, f"{median:.0f}"])
            """#,
        humanMinutes: 75
    )
}
