"""Order the grader self-test lesson by lesson.

Each lesson is graded once per run and shared between workers (see
test_grader_selftest.graded). Keeping a lesson's tests next to each other lets
the two xdist workers take different lessons instead of waiting on the same one.
"""


def pytest_collection_modifyitems(items):
    slots = [i for i, item in enumerate(items) if item.path.name == "test_grader_selftest.py"]
    ordered = sorted((items[i] for i in slots),
                     key=lambda item: (item.callspec.params.get("lesson", "") if hasattr(item, "callspec") else ""))
    for slot, item in zip(slots, ordered):
        items[slot] = item
