"""One tier registry: the campaign form, the API, the public filter and the titles all follow it."""

from core import tiers
from forms.campaigns import CampaignForm


def test_the_campaign_form_has_a_deadline_and_a_switch_per_tier(app):
    with app.test_request_context():
        form = CampaignForm(meta={"csrf": False})
        for tier in tiers.TIERS:
            date_field, enforced = form.deadline_fields(tier.code)
            assert date_field.type == "IsoDateField" and enforced.type == "BooleanField"


def test_the_api_and_the_public_filter_offer_the_registered_tiers(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    enum = spec["components"]["schemas"]["Publication"]["properties"]["tier"]["enum"]
    assert enum == list(tiers.CODES)
    page = client.get("/?lang=en").get_data(as_text=True)
    assert all(f'<option value="{code}"' in page for code in tiers.CODES)


def test_titles_name_the_level_of_the_region():
    assert tiers.get("province").title_level("云南省", "云南省") == "云南省省级"
    assert tiers.get("prefecture").title_level("大理白族自治州", "大理州") == "大理州州级"
    assert tiers.get("prefecture").title_level("昆明市", "昆明市") == "昆明市市级"
