#!/usr/bin/env Rscript
# Reference fits for the Swift statistics: lme4::glmer (binomial, one random intercept per group, Laplace,
# nAGQ = 1) on seeded synthetic datasets, and Bradley-Terry fits (BradleyTerry2::BTm and the same model as a
# base-R glm) on small comparison sets. Writes two JSON fixtures.
#
#   Rscript scripts/glmm-fixtures.R [OUTPUT_DIR]      (default: Tests/SystemCardKitTests/Fixtures/statistics)
#
# Needs the Debian packages r-cran-lme4, r-cran-jsonlite and r-cran-bradleyterry2 (made with lme4 1.1-31,
# BradleyTerry2 1.1-2, R on Debian 12). The output is deterministic (seeded).
suppressPackageStartupMessages({
  library(lme4)
  library(jsonlite)
  library(BradleyTerry2)
})

args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[[1]] else "Tests/SystemCardKitTests/Fixtures/statistics"
dir.create(out, showWarnings = FALSE, recursive = TRUE)

levels_of <- list(
  tone = c("neutral", "urgent"),
  framing = c("direct", "roleplay", "hypothetical"),
  language = c("en", "de", "fr", "es")
)

# One dataset: `rows_per_group` rows for each of `groups` scenarios (a number, or a vector of sizes), each row
# drawing its attribute levels uniformly; logit P(y = 1) = X beta + b_group, b ~ N(0, sd^2).
simulate <- function(seed, groups, rows_per_group, beta, sd, trials = NULL) {
  set.seed(seed)
  sizes <- if (length(rows_per_group) == 1) rep(rows_per_group, groups) else rows_per_group
  group <- rep(seq_len(groups), times = sizes)
  n <- length(group)
  d <- data.frame(group = factor(group))
  for (a in names(levels_of)) {
    d[[a]] <- factor(sample(levels_of[[a]], n, replace = TRUE), levels = levels_of[[a]])
  }
  X <- model.matrix(~ tone + framing + language, d)
  stopifnot(ncol(X) == length(beta))
  b <- rnorm(groups, 0, sd)
  p <- plogis(drop(X %*% beta) + b[group])
  d$trials <- if (is.null(trials)) rep(1L, n) else sample(trials, n, replace = TRUE)
  d$successes <- rbinom(n, d$trials, p)
  d
}

# The Laplace deviance computed directly, independently of lme4's PIRLS: per group, the mode of
# -2 log p(y | u) + u^2 (optimize, then Newton to full precision) and the log-determinant at that mode.
exact_laplace_deviance <- function(fit, d) {
  theta <- unname(getME(fit, "theta"))
  off <- drop(model.matrix(fit) %*% fixef(fit))
  g <- as.integer(d$group)
  total <- 0
  for (k in unique(g)) {
    r <- g == k
    s <- d$successes[r]
    m <- d$trials[r]
    phi <- function(u) -2 * sum(dbinom(s, m, plogis(off[r] + theta * u), log = TRUE)) + u^2
    u <- optimize(phi, c(-30, 30), tol = 1e-12)$minimum
    for (it in 1:5) {
      mu <- plogis(off[r] + theta * u)
      u <- u - (theta * sum(m * mu - s) + u) / (1 + theta^2 * sum(m * mu * (1 - mu)))
    }
    mu <- plogis(off[r] + theta * u)
    total <- total + phi(u) + log(1 + theta^2 * sum(m * mu * (1 - mu)))
  }
  total
}

# What summary(fit) prints, plus the fit's theta and logLik, and the exact Laplace deviance at its estimates.
summarise_fit <- function(fit, d) {
  cf <- summary(fit)$coefficients
  theta <- unname(getME(fit, "theta"))
  list(
    coefficients = unname(cf[, "Estimate"]),
    standardErrors = unname(cf[, "Std. Error"]),
    # lme4's fallback when the Hessian is not positive definite: the penalised-least-squares (RX) covariance.
    rxStandardErrors = unname(sqrt(diag(as.matrix(vcov(fit, use.hessian = FALSE))))),
    randomInterceptSD = theta,
    logLik = as.numeric(logLik(fit)),
    deviance = unname(-2 * as.numeric(logLik(fit))),
    exactLaplaceDeviance = exact_laplace_deviance(fit, d),
    singular = isSingular(fit),
    optimizerMessages = unlist(fit@optinfo$conv$lme4$messages)
  )
}

fit_dataset <- function(name, description, d) {
  form <- cbind(successes, trials - successes) ~ tone + framing + language + (1 | group)
  fit <- glmer(form, data = d, family = binomial)
  # The same model with much tighter tolerances, on the optimiser and on the inner PIRLS loop (lme4 stops
  # PIRLS at a relative change of 1e-7 and takes its log-determinant one step early, which moves logLik by up
  # to ~1e-4): the exact Laplace optimum, to tell lme4's own approximation error from ours.
  tight <- glmer(form, data = d, family = binomial,
                 control = glmerControl(optimizer = "nloptwrap", tolPwrss = 1e-13,
                                        optCtrl = list(xtol_rel = 1e-12, ftol_rel = 1e-15, ftol_abs = 1e-14,
                                                       maxeval = 1e5)))
  X <- model.matrix(fit)
  rows <- list(group = as.integer(d$group) - 1L, successes = d$successes, trials = d$trials)
  for (a in names(levels_of)) rows[[a]] <- as.integer(d[[a]]) - 1L
  cat(sprintf("%-16s n=%4d  theta=%.5f  exact theta=%.5f  logLik=%.6f  exact=%.6f  max|dbeta|=%.2e\n",
              name, nrow(d), getME(fit, "theta"), getME(tight, "theta"), logLik(fit), logLik(tight),
              max(abs(fixef(fit) - fixef(tight)))))
  list(
    name = name,
    description = description,
    lme4Version = as.character(packageVersion("lme4")),
    binomialTrials = any(d$trials > 1),
    attributes = names(levels_of),
    levels = levels_of,
    columns = colnames(X),
    rows = rows,
    lme4 = summarise_fit(fit, d),
    lme4Exact = summarise_fit(tight, d)
  )
}

# Intercept, toneurgent, framingroleplay, framinghypothetical, languagede, languagefr, languagees
glmm <- list(
  fit_dataset("null", "no attribute effect, random-intercept SD 1",
              simulate(101, 60, 8, c(-0.3, 0, 0, 0, 0, 0, 0), sd = 1)),
  fit_dataset("strong", "one strong level (language es +2.5) and a moderate one, SD 0.8",
              simulate(202, 60, 8, c(-0.5, 0.4, -0.7, 0, 0, 0, 2.5), sd = 0.8)),
  fit_dataset("binomial-weights", "fraction outcomes with 3-12 trials per row (cbind(yes, no) form), SD 1.2",
              simulate(303, 60, 4, c(0.2, -0.5, 0.3, 0.6, 0, -0.4, 0.2), sd = 1.2, trials = 3:12)),
  fit_dataset("singular", "random-intercept SD 0.05: lme4 estimates it at zero (a singular, boundary fit)",
              simulate(404, 60, 8, c(0.1, 0.5, 0, -0.5, 0.3, 0, 0), sd = 0.05)),
  fit_dataset("near-singular", "random-intercept SD 0.25: lme4 estimates a small positive SD (about 0.16)",
              simulate(714, 60, 8, c(0.1, 0.5, 0, -0.5, 0.3, 0, 0), sd = 0.25)),
  fit_dataset("unbalanced-rare", "groups of 2-15 rows, rare outcome (intercept -1.5), SD 1.5",
              {set.seed(505); sizes <- sample(2:15, 60, replace = TRUE)
               simulate(506, 60, sizes, c(-1.5, 0.6, 0, 0.8, -0.3, 0.4, 0), sd = 1.5)})
)
writeLines(toJSON(glmm, auto_unbox = TRUE, digits = I(15), null = "null", pretty = FALSE),
           file.path(out, "glmm-lme4.json"))

## Bradley-Terry: comparisons (a, b, outcome) with outcome "a" (a wins), "b" (b wins) or "tie". A tie counts
## half a win to each side. Both BTm and glm fit the aggregated pairs with fractional win counts; the first
## model (alphabetically, as in factor()) is the reference with strength 0.
bt_fit <- function(name, models, comparisons) {
  a <- factor(comparisons$a, levels = models)
  b <- factor(comparisons$b, levels = models)
  wa <- ifelse(comparisons$outcome == "a", 1, ifelse(comparisons$outcome == "tie", 0.5, 0))
  agg <- aggregate(cbind(wa = wa, wb = 1 - wa) ~ a + b, data = data.frame(a = a, b = b, wa = wa), FUN = sum)
  agg$a <- factor(agg$a, levels = models)
  agg$b <- factor(agg$b, levels = models)
  # glm: column k is +1 when model k is player a, -1 when it is player b; no intercept; reference dropped.
  D <- matrix(0, nrow(agg), length(models), dimnames = list(NULL, models))
  D[cbind(seq_len(nrow(agg)), as.integer(agg$a))] <- 1
  D[cbind(seq_len(nrow(agg)), as.integer(agg$b))] <- -1
  D <- D[, -1, drop = FALSE]
  g <- suppressWarnings(glm(cbind(agg$wa, agg$wb) ~ D - 1, family = binomial,
                            control = glm.control(epsilon = 1e-14, maxit = 100)))
  bt <- suppressWarnings(BTm(cbind(wa, wb), a, b, data = agg, refcat = models[1],
                             control = glm.control(epsilon = 1e-14, maxit = 100)))
  cg <- summary(g)$coefficients
  cb <- summary(bt)$coefficients
  stopifnot(max(abs(cg[, 1] - cb[, 1])) < 1e-8, max(abs(cg[, 2] - cb[, 2])) < 1e-8)
  cat(sprintf("BT %-14s models=%d comparisons=%d logLik=%.6f\n", name, length(models), nrow(comparisons),
              as.numeric(logLik(g))))
  list(
    name = name,
    models = models,
    comparisons = comparisons,
    reference = models[1],
    strengths = c(0, unname(cg[, 1])),
    standardErrors = c(0, unname(cg[, 2])),
    # Binomial log-likelihood of the aggregated pairs without the binomial coefficients.
    logLik = sum(agg$wa * log(fitted(g)) + agg$wb * log(1 - fitted(g)))
  )
}

rep_rows <- function(a, b, outcome, times) {
  n <- sum(times)
  data.frame(a = rep(a, n), b = rep(b, n), outcome = rep(outcome, times), stringsAsFactors = FALSE)
}
set.seed(606)
arena_models <- c("alpha", "bravo", "charlie", "delta", "echo", "foxtrot")
true_strength <- c(0, 0.4, -0.3, 1.0, 0.2, -0.8)
arena <- do.call(rbind, lapply(seq_len(400), function(i) {
  pair <- sample(6, 2)
  d <- true_strength[pair[1]] - true_strength[pair[2]]
  u <- runif(1)
  p_tie <- 0.15
  outcome <- if (u < p_tie) "tie" else if (runif(1) < plogis(d)) "a" else "b"
  data.frame(a = arena_models[pair[1]], b = arena_models[pair[2]], outcome = outcome, stringsAsFactors = FALSE)
}))
bt <- list(
  bt_fit("two-models", c("a", "b"), rep_rows("a", "b", c("a", "b"), c(7, 3))),
  bt_fit("two-models-ties", c("a", "b"), rep_rows("a", "b", c("a", "b", "tie"), c(6, 2, 2))),
  bt_fit("cycle", c("x", "y", "z"),
         rbind(rep_rows("x", "y", c("a", "b"), c(2, 1)), rep_rows("y", "z", c("a", "b"), c(2, 1)),
               rep_rows("z", "x", c("a", "b"), c(2, 1)))),
  bt_fit("arena", arena_models, arena)
)
writeLines(toJSON(bt, auto_unbox = TRUE, digits = I(15), dataframe = "columns", pretty = FALSE),
           file.path(out, "bradley-terry.json"))
