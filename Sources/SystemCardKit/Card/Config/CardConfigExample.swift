/// The commented example config `systemcard card --init` writes.
public enum CardConfigExample {
    /// The YAML text: every key, with its default or an example value and a comment on what it does.
    public static let text = """
        # systemcard card configuration. Run: systemcard card --config card.yaml --out card/
        # Every key is optional except models. Unknown keys are errors (typos never pass silently).

        title: "System card: my-model"

        # quick: at most 10 samples per evaluation (a fixed random subset), answers cut at 128 tokens;
        # full: every sample. Default: quick when every model is local/, else full.
        profile: full

        # The models side by side. A bare string is enough ("- openai/gpt-4o-mini").
        models:
          - label: my-model (base)           # column heading (default: the model)
            model: openai/my-model           # openai/<model> for any OpenAI-compatible endpoint, local/<name>
            base_url: http://localhost:8000/v1
            api_key_env: MY_ENDPOINT_KEY     # the variable's name; the key itself never goes in a file
            mitigation: pre                  # pre | post: the same system before / after its safety measures
            family: my-model                 # pairs the pre and post variants (default: the model)
          - label: my-model (guarded)
            model: openai/my-model-guarded
            base_url: http://localhost:8001/v1
            mitigation: post
            family: my-model

        # The judge of model-graded evaluations. Without it, evaluations use their rules grader where they
        # have one and are otherwise "not run: needs a grader model" (a model is never its own judge).
        grader:
          model: openai/gpt-4o
          api_key_env: OPENAI_API_KEY

        # The content classifier of the input-filter and output-filter mitigations (a model's
        # `mitigations: [output-filter]`, or `output-filter=llama-guard-3` for a guard model's own format).
        # Default: the grader.
        # classifier:
        #   model: openai/meta-llama/Llama-Guard-3-8B
        #   base_url: http://localhost:8002/v1

        settings:
          temperature: 0
          max_tokens: 1024
          seed: 7            # sent to the model; also shuffles samples before a limit applies
          epochs: 1
          # limit: 100       # samples per evaluation (default: the profile's)

        # The suite (default: every registered evaluation; those left out are shown as "not run").
        evaluations:
          - xstest
          # - name: some-evaluation
          #   options: {set: small}      # as `systemcard eval --option KEY=VALUE`
          #   limit: 50
          #   grader: rules              # rules | model
          #   roles: {mark: {model: openai/gpt-4o-mini}}

        # The Preparedness scorecard. Each category's level is the highest level its indicators reach.
        # Indicators are declared by the evaluations (`systemcard list --indicators` shows them with their
        # thresholds and sources); nothing else is one. A category with nothing measured is "not assessed"
        # and the verdict says what is missing. An interval straddling a threshold means deeper analysis.
        preparedness:
          margin: 0.05       # a value this close short of a threshold is also flagged "near threshold"
          # cybersecurity:   # listing indicators replaces the declared ones of that category
          #   indicators:
          #     - {metric: "ctf-generated.success[tier=professional]", medium: 0.4}   # the rest as declared
          #     - {metric: evaluation.metric, medium: 0.3, high: 0.6, critical: 0.9} # any other: all three
          #       # riskier: higher|lower (must agree with the metric), unit: share or {name, lowest, highest}
          overrides: []
          # overrides:       # shown beside the computed level and named in the verdict
          #   - category: cbrn
          #     mitigation: post
          #     family: my-model
          #     level: medium
          #     rationale: "Uplift limited to published protocols; expert review 2025-01-20."
          #     reviewer: "Safety advisory group"

        """
}
