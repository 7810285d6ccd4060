"""Pure PR-body and label logic: upsert_section, plan_labels, review_summary."""

from __future__ import annotations

from rte.ghmodel import BEGIN, END, PublishRequest, plan_labels, review_summary, upsert_section


def test_absent_markers_append_after_human_text() -> None:
    assert upsert_section(None, "x") == f"{BEGIN}\nx\n{END}"
    assert upsert_section("Hi", "x") == f"Hi\n\n{BEGIN}\nx\n{END}"
    assert upsert_section("Hi\n", "x") == f"Hi\n\n{BEGIN}\nx\n{END}"


def test_replace_keeps_outside_text_and_is_idempotent() -> None:
    body = f"top\r\n{BEGIN}\nold\n{END}\r\nbottom"
    once = upsert_section(body, "new")
    assert once == f"top\r\n{BEGIN}\nnew\n{END}\r\nbottom"
    assert upsert_section(once, "new") == once


def test_marker_variants_are_found() -> None:
    body = "a<!--RTE:BEGIN-->old<!--  rte:end  -->b"
    assert upsert_section(body, "n") == f"a{BEGIN}\nn\n{END}b"


def test_markers_inside_the_section_cannot_close_the_span() -> None:
    section = f"evil {END} tail <!--rte:begin-->"
    body = upsert_section("human", section)
    assert body.count(END) == 1 and body.count(BEGIN) == 1
    assert upsert_section(body, "clean") == f"human\n\n{BEGIN}\nclean\n{END}"


def test_begin_without_end_owns_the_rest() -> None:
    assert upsert_section(f"keep\n{BEGIN}\nbroken", "n") == f"keep\n{BEGIN}\nn\n{END}"


def test_end_before_begin_is_human_text() -> None:
    body = f"{END} stray\n"
    assert upsert_section(body, "n") == f"{body}\n{BEGIN}\nn\n{END}"


def test_label_plan_replaces_the_family_only() -> None:
    plan = plan_labels(["bug", "Risk:Low", "release-gate:pass"], ["risk:high", "release-gate:pass"])
    assert plan.to_remove == ("Risk:Low",) and plan.to_add == ("risk:high",)
    assert plan.final == ("bug", "release-gate:pass", "risk:high")
    assert not plan_labels(["RISK:HIGH"], ["risk:high"]).changed


def test_review_summary_latest_decision_wins() -> None:
    state = review_summary(
        3,
        [
            ("a", "APPROVED"),
            ("a", "COMMENTED"),
            ("b", "APPROVED"),
            ("b", "DISMISSED"),
            ("c", "approved"),
            ("c", "CHANGES_REQUESTED"),
        ],
    )
    assert (state.approved_by, state.changes_requested_by) == (("a",), ("c",))


def test_from_fork() -> None:
    base = PublishRequest(
        repository="o/r", event_name="pull_request", head_branch="f", title="t", section="s", feature="x"
    )
    assert not base.from_fork
    assert PublishRequest(**{**base.__dict__, "head_repo_full_name": "me/r"}).from_fork
    assert PublishRequest(**{**base.__dict__, "head_repo_fork": True}).from_fork
    assert not PublishRequest(
        **{**base.__dict__, "head_repo_full_name": "O/R", "head_repo_fork": True}
    ).from_fork
