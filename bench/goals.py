"""How every bench prints a figure its issue sets a goal for: the figure, the goal, and whether this
run met it, on one line a reader (or a script) can find by the figure's name.

    catalogue_check_vs_hello = 0.48  (goal >= 0.5: not met)
"""

import operator

MET, NOT_MET = "met", "not met"
KINDS = {"at_least": (">=", operator.ge), "at_most": ("<=", operator.le), "below": ("<", operator.lt)}


def line(name: str, value: float, digits: int = 2, note: str = "", **goal: float) -> str:
    """``name = value  (goal >= 0.5: met)``; the goal is one of ``at_least``, ``at_most`` or ``below``."""
    if len(goal) != 1 or not set(goal) <= set(KINDS):
        raise ValueError(f"one goal, as one of {', '.join(KINDS)}")
    ((kind, bound),) = goal.items()
    sign, holds = KINDS[kind]
    said = f"{name} = {value:.{digits}f}  (goal {sign} {bound:g}: {MET if holds(value, bound) else NOT_MET})"
    return f"{said} {note}" if note else said


def report(name: str, value: float, digits: int = 2, note: str = "", **goal: float) -> None:
    print(line(name, value, digits, note, **goal), flush=True)
