"""The negative list as a campaign applies it: the measures in force for its scheme's era."""

from core.negative_list import BASIS_LABELS, Hit, era_of, screen_fields, screen_item

from ...models import Campaign, Item


def campaign_era(campaign: Campaign) -> str:
    return era_of(campaign.scheme.official.code)


def basis(campaign: Campaign):
    """The provisions a campaign's warnings cite, as a whole (for instructions and summaries)."""
    return BASIS_LABELS[campaign_era(campaign)]


def item_hits(item: Item) -> list[Hit]:
    return screen_item(item, campaign_era(item.catalogue.campaign))


def data_hits(campaign: Campaign, data: dict) -> list[Hit]:
    """The hits of item fields ``data`` (a form's or a snapshot's) in ``campaign``."""
    return screen_fields(data, campaign_era(campaign))
