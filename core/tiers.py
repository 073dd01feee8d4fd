"""The tier registry: every tier the product knows, top first.

The campaign form (a deadline and an enforce switch per tier), the API's enum, the public filters,
the labels and the deadline logic all read this tuple. Adding a tier is one entry here plus the
translation of its label.
"""

from collections.abc import Callable
from dataclasses import dataclass

from .text import LazyText, _l


def _province_level(name: str, _short_name: str) -> str:
    return name + "省级"  # 云南省 -> 云南省省级


def _prefecture_level(_name: str, short_name: str) -> str:
    return short_name + ("州级" if short_name.endswith("州") else "市级")  # 大理州州级, 昆明市市级


def _county_level(_name: str, short_name: str) -> str:
    suffix = {"区": "区级", "市": "市级"}.get(short_name[-1:], "县级")
    return short_name + suffix  # 元谋县县级, 五华区区级, 安宁市市级


@dataclass(frozen=True)
class Tier:
    code: str  # stored in Region.tier and TierDeadline.tier
    label: LazyText  # "provincial", as in "provincial departments"
    title_level: Callable[[str, str], str]  # (region name, short name) -> the level in a published title


TIERS: tuple[Tier, ...] = (
    Tier("province", _l("provincial"), _province_level),
    Tier("prefecture", _l("prefecture-level"), _prefecture_level),
    Tier("county", _l("county-level"), _county_level),
)
CODES: tuple[str, ...] = tuple(tier.code for tier in TIERS)
_BY_CODE = {tier.code: tier for tier in TIERS}


def get(code: str) -> Tier | None:
    return _BY_CODE.get(code)


def known(code: str) -> Tier:
    """The tier of a code the data holds (``Region.tier`` and ``TierDeadline.tier`` are validated)."""
    return _BY_CODE[code]


def rank(code: str) -> int:
    """0 for the top tier; unknown codes sort last."""
    return CODES.index(code) if code in _BY_CODE else len(CODES)


def at_and_below(code: str) -> tuple[str, ...]:
    """``code`` and the tiers under it, top first: what a campaign of a region of that tier may cover."""
    return CODES[CODES.index(code) :] if code in _BY_CODE else ()


def label(code: str) -> str:
    tier = _BY_CODE.get(code)
    return str(tier.label) if tier else code
