# mistake: Counts reported as shares
# why: The card's count column holds each group's share of the validation set instead of its number of members.
# hint: Compare your card's counts with your audit table: is a count a number of people or a fraction?
group_columns = {"group": list(audit["by_group"]),
                 **{key: [row[key] for row in audit["by_group"].values()]
                    for key in ("selection_rate", "accuracy", "tpr", "fpr")},
                 "count": [row["count"] / len(X_val) for row in audit["by_group"].values()]}   # shares, not counts
card = (
    ModelCard("Repayment scorer", version="1.0", authors="a learner of NN Lab",
              overview="A small neural network that scores loan applications by the chance of repayment; "
                       "the top 60% of scores are approved.")
    .intended_use("Rank synthetic loan applications for approval in the NN Lab capstone.",
                  users="Learners and instructors of the course.",
                  out_of_scope="Real lending decisions; applicants unlike the synthetic population; use of "
                               "the score as a measure of a person's worth.")
    .data(training="3,000 synthetic applications (load_loans, 6,000 rows, seed 0, first half), "
                   "labelled with whether the applicant repaid.",
          evaluation="The other 3,000 applications, never used in training; the grader also scores 4,000 hidden ones.",
          preprocessing="log income and loan amount; zip_area dropped (a proxy for group); standardized "
                        "with training statistics.")
    .add_metrics({**report, "equalized_odds_difference": audit["equalized_odds_difference"]})
    .add_group_metrics(group_columns)
    .add_limitation("Synthetic data with one mechanism; repayment is known here for every applicant, "
                    "in reality only for those approved (selective labels).")
    .add_limitation(f"Decisions approve the top {SHARE:.0%}; every metric holds for that operating point only.")
    .add_ethical_consideration("Group B's selection rate stays lower (lower average incomes); equal error "
                               "rates were chosen as the criterion and this gap is reported, not removed.")
)
display(card)
